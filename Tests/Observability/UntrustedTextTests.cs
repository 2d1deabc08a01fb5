namespace Beacon.Tests.Observability;

using Beacon.Training.Observability;

public sealed class UntrustedTextTests
{
    [Fact]
    public void A_short_plain_value_is_logged_as_it_is()
    {
        Assert.Equal("29:1abc-DEF_ghi@thread.v2;messageid=17", UntrustedText.ForLog("29:1abc-DEF_ghi@thread.v2;messageid=17"));
    }

    [Fact]
    public void A_missing_value_is_named_as_missing()
    {
        Assert.Equal(UntrustedText.Missing, UntrustedText.ForLog(null));
    }

    [Theory]
    [InlineData("message\r\nWarning Forged: admin logged in", "message\\r\\nWarning Forged: admin logged in")]
    [InlineData("a\tb\0c\u001bd", "a\\tb\\u0000c\\u001Bd")]
    [InlineData("line\u2028separator\u2029paragraph\u0085next", "line\\u2028separator\\u2029paragraph\\u0085next")]
    [InlineData("evil\u202Etxt.exe\u2066", "evil\\u202Etxt.exe\\u2066")]
    [InlineData("C:\\n", "C:\\\\n")]
    public void Control_separator_and_bidi_characters_are_escaped(string value, string expected)
    {
        var logged = UntrustedText.ForLog(value);

        Assert.Equal(expected, logged);
        Assert.DoesNotContain(logged, c => char.IsControl(c) || c is '\u2028' or '\u2029');
    }

    [Fact]
    public void A_lone_surrogate_is_escaped()
    {
        Assert.Equal("lone \\uD800 surrogate", UntrustedText.ForLog("lone \uD800 surrogate"));
    }

    [Fact]
    public void A_surrogate_pair_is_kept_whole()
    {
        Assert.Equal("help \U0001F600", UntrustedText.ForLog("help \U0001F600"));
        Assert.Equal("ab...[cut, 4 chars]", UntrustedText.ForLog("ab\U0001F600", maxLength: 3));
    }

    [Fact]
    public void A_long_value_is_cut_to_the_limit_with_its_original_length()
    {
        var value = new string('x', 100 * 1024);

        var logged = UntrustedText.ForLog(value);

        Assert.Equal(new string('x', UntrustedText.DefaultMaxLength) + "...[cut, 102400 chars]", logged);
    }

    [Fact]
    public void Escapes_count_towards_the_limit()
    {
        var logged = UntrustedText.ForLog(string.Concat(Enumerable.Repeat("\r\n", 1000)), maxLength: 10);

        Assert.Equal("\\r\\n\\r\\n\\r...[cut, 2000 chars]", logged);
    }
}
