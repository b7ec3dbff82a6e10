using AiPolicyBot.Teams.Cards;

namespace AiPolicyBot.Teams.Tests.Cards;

public class CardTextTests
{
    [Theory]
    [InlineData("ChatGPT", "ChatGPT")]
    [InlineData("Chat GPT-4o", "Chat GPT-4o")]
    [InlineData("C# helper", "C# helper")]
    [InlineData("**bold** _it_", @"\*\*bold\*\* \_it\_")]
    [InlineData("[x](https://evil.example)", @"\[x\]\(https://evil.example\)")]
    [InlineData("<b>hi</b> & co", @"\<b\>hi\</b\> \& co")]
    [InlineData("`code`", @"\`code\`")]
    [InlineData("# Heading", @"\# Heading")]
    [InlineData("- item", @"\- item")]
    [InlineData("+ item", @"\+ item")]
    [InlineData("> quote", @"\> quote")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("12) twelfth", @"12\) twelfth")]
    [InlineData("Title\n===", "Title\n\\===")]
    [InlineData("a\\b", @"a\\b")]
    [InlineData("{{DATE(2026-01-01T00:00:00Z, SHORT)}}", @"\{\{DATE\(2026-01-01T00:00:00Z, SHORT\)\}\}")]
    [InlineData("${name}", @"$\{name\}")]
    [InlineData("~~struck~~", @"\~\~struck\~\~")]
    public void Escape_neutralises_markdown_html_and_date_functions(string input, string expected) =>
        Assert.Equal(expected, CardText.Escape(input));

    [Fact]
    public void Escape_handles_line_starts_on_every_line_and_keeps_line_breaks()
    {
        var escaped = CardText.Escape("Plan:\r\n- one\n  * two\n3. three");
        Assert.Equal("Plan:\n\\- one\n\u00A0\u00A0\\* two\n3\\. three", escaped);
    }

    [Theory]
    [InlineData("**Chat**GPT_[x](y) <img src=x onerror=alert(1)> & {{TIME(2026-01-01T10:00:00Z)}}")]
    [InlineData("# 1. - + > ` ~ \\ * _ [ ] ( ) < > & { }")]
    [InlineData("Gemini (Google) — 2 × £5 for 'reports' \"SEN\" ✓")]
    public void Escaped_text_reads_back_as_typed_in_commonmark(string typed) =>
        Assert.Equal(typed, CardModelTests.CommonMarkUnescape(CardText.Escape(typed)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Escape_of_nothing_is_empty(string? input) => Assert.Equal("", CardText.Escape(input));

    [Fact]
    public void Plain_only_breaks_date_functions_and_template_expressions()
    {
        Assert.Equal("**x** [y](z)", CardText.Plain("**x** [y](z)"));
        Assert.Equal("{\u200B{DATE(2026-01-01T00:00:00Z)}}", CardText.Plain("{{DATE(2026-01-01T00:00:00Z)}}"));
        Assert.Equal("$\u200B{name}", CardText.Plain("${name}"));
    }

    [Fact]
    public void Truncate_keeps_short_text_and_cuts_long_text_with_an_ellipsis()
    {
        Assert.Equal("short", CardText.Truncate("short", 10));
        Assert.Equal("abcd…", CardText.Truncate("abcdefghij", 5));
        Assert.Equal("ab…", CardText.Truncate("ab😀cd", 4)); // never splits a surrogate pair
    }
}
