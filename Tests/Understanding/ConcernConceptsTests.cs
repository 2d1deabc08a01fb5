namespace Beacon.Tests.Understanding;

using Beacon.Dialogs.Intents;

/// <summary>
/// Concern by concept, on messages written for these tests and in neither corpus file: someone with
/// signs of control is a concern however it is worded; everyday idioms and work chatter that share
/// those words are not.
/// </summary>
public class ConcernConceptsTests
{
    [Theory]
    [InlineData("my neighbour's nanny never leaves the house and the family has her passport")]
    [InlineData("a girl at the salon looks about 14 and works every evening")]
    [InlineData("the agency says I owe them 5000 for the flight and I have to work it off")]
    [InlineData("a man drops the cleaners off every morning and collects their wages")]
    [InlineData("my student is being pressured to marry a man twice her age")]
    [InlineData("there's a lad on our estate delivering packages for older boys, he's 13")]
    [InlineData("an elderly man at the day centre says a couple moved in and took his bank card")]
    [InlineData("my employer keeps my residence permit and I am not paid for overtime")]
    [InlineData("a 13 year old in my class has a much older boyfriend who buys her things")]
    [InlineData("the young woman at the massage place across the road never seems to leave and a man brings her food")]
    [InlineData("there are teenagers selling flowers at the station late at night every night")]
    [InlineData("patient came in with a man who answered every question for her")]
    public void Someone_with_signs_of_control_is_a_concern(string text) =>
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize(text));

    [Theory]
    [InlineData("stuck in traffic, be there in 10")]
    [InlineData("IT says there's an exploit in the old browser, please update")]
    [InlineData("forced myself to go to the gym this morning")]
    [InlineData("report card evening with parents tonight")]
    [InlineData("I'm trapped in back to back meetings all day")]
    [InlineData("I owe you one for covering my shift")]
    [InlineData("we have a debt of gratitude to the volunteers")]
    [InlineData("I still owe Sam 20 quid for the tickets")]
    [InlineData("my passport expires in March, need to renew it before the trip")]
    [InlineData("can I keep my id badge over the weekend")]
    [InlineData("the boss is holding the documents until the audit")]
    [InlineData("they forced the update on everyone's laptop")]
    [InlineData("we had to stay late to finish the migration")]
    [InlineData("the kids were working so hard on their science project today")]
    [InlineData("my son works at the takeaway on saturdays, he loves it")]
    [InlineData("the children sleep upstairs")]
    [InlineData("my sister is getting married overseas next summer")]
    [InlineData("my mum promised me a job at her shop over summer")]
    [InlineData("the van picks us up at 8 for the team day")]
    [InlineData("what does modern slavery mean legally")]
    [InlineData("I'm concerned my answers aren't saving")]
    public void Everyday_idioms_and_work_chatter_are_not_a_concern(string text) =>
        Assert.NotEqual(Intent.Report, IntentRecognizer.Recognize(text));
}
