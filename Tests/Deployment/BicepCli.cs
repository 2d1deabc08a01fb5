namespace Beacon.Tests.Deployment;

using System.Reflection;

/// <summary>
/// The <c>bicep</c> binary from the NuGet package Azure.Bicep.CommandLine.linux-x64, which
/// Tests.csproj references; the package folder is written into this assembly's metadata at build
/// time (the package's GeneratePathProperty).
/// </summary>
internal static class BicepCli
{
    public const string MetadataKey = "BicepPackagePath";

    public static string Path
    {
        get
        {
            var packageFolder = typeof(BicepCli).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == MetadataKey)?.Value;
            if (string.IsNullOrWhiteSpace(packageFolder))
            {
                throw new InvalidOperationException(
                    $"The assembly has no '{MetadataKey}' metadata: Tests.csproj must reference Azure.Bicep.CommandLine.linux-x64 with GeneratePathProperty=\"true\".");
            }

            var binary = System.IO.Path.Combine(packageFolder, "tools", OperatingSystem.IsWindows() ? "bicep.exe" : "bicep");
            if (!File.Exists(binary))
            {
                throw new FileNotFoundException($"The Bicep CLI is not at '{binary}': run `dotnet restore Tests`.", binary);
            }

            if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(binary).HasFlag(UnixFileMode.UserExecute))
            {
                // Package extraction does not always keep the executable bit.
                File.SetUnixFileMode(binary, File.GetUnixFileMode(binary) | UnixFileMode.UserExecute);
            }

            return binary;
        }
    }
}
