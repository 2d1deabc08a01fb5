namespace Beacon.Training.Ports;

public interface IStoreHealth
{
    /// <summary>True when the store answers a cheap query.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
