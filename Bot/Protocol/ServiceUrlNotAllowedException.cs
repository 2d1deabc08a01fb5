namespace Beacon.Bot.Protocol;

/// <summary>Thrown, before anything is sent, when a service URL is not on the allow-list.</summary>
public sealed class ServiceUrlNotAllowedException : InvalidOperationException
{
    public ServiceUrlNotAllowedException()
    {
    }

    public ServiceUrlNotAllowedException(string message)
        : base(message)
    {
    }

    public ServiceUrlNotAllowedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static ServiceUrlNotAllowedException For(string? serviceUrl) =>
        new($"The service URL '{serviceUrl}' is not allowed (configure Bot:AllowedServiceUrls); nothing was sent.");
}
