namespace Beacon.Tests.Dialogs;

using Beacon.Dialogs.Intents;

public class FirstPersonDisclosureTests
{
    [Theory]
    [InlineData("they took my passport and I can't leave")]
    [InlineData("my boss keeps my ID")]
    [InlineData("I owe them money and they won't let me go")]
    [InlineData("THEY TOOK MY PASSPORT")]
    [InlineData("im not allowed to leave the house")]
    [InlineData("my employer has had my papers since i arrived and i cant go home")]
    [InlineData("they make me work 16 hours and dont pay me")]
    [InlineData("i think i am being trafficked")]
    [InlineData("they won't give me back my documents")]
    [InlineData("I sleep at the restaurant and I have not been paid in months")]
    [InlineData("my boss took my passport and he says I owe him money")]
    public void A_person_writing_about_themselves_is_first_person(string text) =>
        Assert.True(FirstPersonDisclosure.IsFirstPerson(text), text);

    [Theory]
    [InlineData("my patient told me they took her passport")]
    [InlineData("I'm worried about my colleague")]
    [InlineData("a worker on site says he has to pay back 8000 dollars before he can go home")]
    [InlineData("she said she owes a debt she can never pay off")]
    [InlineData("a child told me she is being made to work at night")]
    [InlineData("my student's uncle keeps his passport and won't let him see friends")]
    [InlineData("I think my neighbour is being forced to work")]
    [InlineData("how do I report trafficking in Canada")]
    [InlineData("who do I call")]
    [InlineData("report")]
    [InlineData("my passport expires next month")]
    [InlineData("")]
    [InlineData(null)]
    public void Someone_writing_about_another_person_or_asking_is_not(string? text) =>
        Assert.False(FirstPersonDisclosure.IsFirstPerson(text), text);
}
