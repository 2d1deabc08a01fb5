namespace Beacon.Bot.Protocol;

/// <summary>Maps the Bot Framework messaging endpoint.</summary>
public static class BotEndpointRouteBuilderExtensions
{
    public const string MessagesPath = "/api/messages";

    /// <summary>Maps POST /api/messages to the protocol layer (which calls the registered <c>ITurnHandler</c>).</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(
            MessagesPath,
            (RequestDelegate)(context => context.RequestServices.GetRequiredService<BotMessageProcessor>().ProcessAsync(context)));
    }
}
