using Beacon.Bot.Cli;
using Beacon.Bot.Composition;

if (CliVerbs.IsVerb(args))
{
    return CliVerbs.Run(args, Console.Out, Console.Error);
}

var app = BeaconApp.Build(args);
await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>The entry point, visible to the in-process host tests.</summary>
public partial class Program;
