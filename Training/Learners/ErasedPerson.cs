namespace Beacon.Training.Learners;

/// <summary>
/// What stands in for a person who asked to be forgotten wherever a record that is not theirs names
/// them (the creator of a campaign, who granted a manager role, who last saved the safeguarding
/// route, a recipient of someone else's handoff): the record stays, the person's id does not.
/// </summary>
public static class ErasedPerson
{
    public const string Id = "erased-person";
}
