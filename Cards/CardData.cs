namespace Beacon.Cards;

/// <summary>Names of the data fields and inputs that card actions send back.</summary>
public static class CardData
{
    public const string PromptId = "promptId";
    public const string QuestionId = "questionId";
    public const string OptionId = "optionId";
    public const string Sure = "sure";
    public const string Track = "track";
    public const string Topic = "topic";
    public const string RefresherId = "refresherId";
    public const string Region = "region";
    public const string Voice = "voice";
    public const string HandoffMessage = "handoffMessage";
}
