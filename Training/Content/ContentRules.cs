namespace Beacon.Training.Content;

/// <summary>
/// The names of the validator's rules (<see cref="ContentProblem.Rule"/>). Each has a broken
/// fixture pack of the same name under <c>Tests/Fixtures/content/</c>.
/// </summary>
public static class ContentRules
{
    /// <summary>A folder or file the pack needs is missing, or a file cannot be read.</summary>
    public const string Files = "files";

    /// <summary>The YAML itself does not parse (bad indentation, a tab, an unclosed quote).</summary>
    public const string Syntax = "syntax";

    /// <summary>A field name the format does not know (often a typo), or a key given twice.</summary>
    public const string UnknownField = "unknown-field";

    /// <summary>A value of the wrong shape: a list where one value is expected, or the reverse.</summary>
    public const string Shape = "shape";

    /// <summary>A required field is missing or empty.</summary>
    public const string Required = "required";

    /// <summary>An id is not lowercase letters, digits and single hyphens.</summary>
    public const string IdFormat = "id-format";

    /// <summary>An id is used twice in the pack (questions and refreshers share one id space).</summary>
    public const string IdUnique = "id-unique";

    /// <summary><c>version</c> is not a whole number of 1 or more.</summary>
    public const string Version = "version";

    /// <summary>Unknown topic.</summary>
    public const string Topic = "topic";

    /// <summary>Unknown track.</summary>
    public const string Track = "track";

    /// <summary>Unknown difficulty.</summary>
    public const string Difficulty = "difficulty";

    /// <summary><c>locale</c> is not a language tag such as <c>en</c> or <c>en-GB</c>.</summary>
    public const string Locale = "locale";

    /// <summary>A question has fewer than 3 or more than 4 options.</summary>
    public const string OptionCount = "option-count";

    /// <summary>Two options of one question share an id.</summary>
    public const string OptionIdUnique = "option-id-unique";

    /// <summary><c>correct</c> is empty, names an option that does not exist, or names every option.</summary>
    public const string Correct = "correct";

    /// <summary>An option has no feedback.</summary>
    public const string Feedback = "feedback";

    /// <summary>A stem is empty or longer than <see cref="ContentValidator.MaxStemLength"/> characters.</summary>
    public const string StemLength = "stem-length";

    /// <summary>A question has no explanation.</summary>
    public const string Explanation = "explanation";

    /// <summary>A question or refresher has no <c>what_to_do</c>.</summary>
    public const string WhatToDo = "what-to-do";

    /// <summary>A source has no title, or its url is not an absolute https link.</summary>
    public const string Source = "source";

    /// <summary>Two questions have the same stem once case, spacing and punctuation are ignored.</summary>
    public const string DuplicateStem = "duplicate-stem";

    /// <summary>A refresher has fewer than 3 or more than 5 key points, or an empty one.</summary>
    public const string KeyPoints = "key-points";

    /// <summary>A topic has no question or no refresher.</summary>
    public const string TopicCoverage = "topic-coverage";

    /// <summary>A track has no question.</summary>
    public const string TrackCoverage = "track-coverage";

    /// <summary><c>default_region</c> is missing or names no region.</summary>
    public const string DefaultRegion = "default-region";

    /// <summary>Two regions share a code.</summary>
    public const string RegionCodeUnique = "region-code-unique";

    /// <summary>A country code is not two capital letters (ISO 3166-1 alpha-2).</summary>
    public const string CountryCode = "country-code";

    /// <summary>A country is mapped to two regions.</summary>
    public const string CountryUnique = "country-unique";

    /// <summary>A region's emergency number, its source or its verified date is missing or wrong.</summary>
    public const string Emergency = "emergency";

    /// <summary>A region has no specialist line, or a line lacks a way to reach it, a source or a verified date.</summary>
    public const string ReportingLines = "reporting-lines";

    /// <summary>
    /// A region's <c>review_by</c> date is missing or near (warnings), not a date, or more than
    /// <see cref="ContentLoadOptions.RefuseAfterDays"/> days past (an error unless overdue regions are allowed).
    /// </summary>
    public const string RegionReview = "region-review";

    /// <summary>An item's <c>jurisdiction</c> is empty or names a code that is not a region in <c>reporting/regions.yaml</c>.</summary>
    public const string Jurisdiction = "jurisdiction";

    /// <summary>
    /// An item without a jurisdiction (it goes to learners everywhere) writes a region's emergency
    /// number, or a specialist line's phone number, instead of <c>{emergency}</c> or <c>{hotline}</c>.
    /// </summary>
    public const string EmergencyNumber = "emergency-number";

    /// <summary>A topic has core questions or core refreshers, but none that applies in some region.</summary>
    public const string RegionCoverage = "region-coverage";

    /// <summary>A text names a placeholder in braces that Beacon does not fill (only <c>{emergency}</c> and <c>{hotline}</c>).</summary>
    public const string Placeholder = "placeholder";

    /// <summary>An item's <c>review</c> names no role, an unknown reviewer role, or no valid date.</summary>
    public const string Review = "review";

    /// <summary>An item's wording (stem, options or correct answer) changed but its version did not go up.</summary>
    public const string VersionBump = "version-bump";

    /// <summary>
    /// In a track (or the whole pack) the right option is the longest in more than
    /// <see cref="ContentValidator.MaxRightLongestShare"/> of the questions (a warning: length gives the answer away).
    /// </summary>
    public const string RightLongest = "right-longest";

    /// <summary>An id in the previous pack is gone (a warning: learners' history for it is orphaned).</summary>
    public const string IdRemoved = "id-removed";
}
