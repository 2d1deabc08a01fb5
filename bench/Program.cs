// Beacon benchmarks (not tests): dotnet run --project bench -c Release -- <verb> [options]
// Verbs: compose, turns, delivery, abuse, first-person, outbound, understanding, places.
using Beacon.Bench;
using Beacon.Bench.Security;
using Beacon.Bench.Turns;

var verbs = new Dictionary<string, Func<string[], TextWriter, int>>(StringComparer.OrdinalIgnoreCase)
{
    ["compose"] = ComposeBench.Run,
    ["turns"] = TurnsBench.Run,
    ["delivery"] = DeliveryBench.Run,
    ["abuse"] = AbuseBench.Run,
    ["first-person"] = FirstPersonBench.Run,
    ["outbound"] = OutboundBench.Run,
    ["understanding"] = UnderstandingBench.Run,
    ["places"] = PlacesBench.Run,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var verb))
{
    Console.Error.WriteLine($"usage: bench <{string.Join('|', verbs.Keys)}> [options]");
    return 2;
}

return verb(args[1..], Console.Out);
