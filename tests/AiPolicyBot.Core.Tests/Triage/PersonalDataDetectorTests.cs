using AiPolicyBot.Triage;

namespace AiPolicyBot.Core.Tests.Triage;

public class PersonalDataDetectorTests
{
    [Theory]
    [InlineData("B801200005001", true)]   // worked example: Σ = 93, 93 mod 23 = 1 → B
    [InlineData("A801200005001", false)]  // same digits, wrong check letter
    [InlineData("A80120000501A", true)]   // temporary UPN (serial ends in a letter)
    [InlineData("b801200005001", true)]   // upper-cased before checking
    [InlineData("B80120000500", false)]   // 12 characters
    [InlineData("I801200005001", false)]  // I is not in the alphabet
    public void Upn_check_letter(string upn, bool valid) => Assert.Equal(valid, UpnCheck.IsValid(upn));

    [Fact]
    public void Finds_a_valid_upn_but_not_one_with_a_bad_check_letter()
    {
        Assert.Equal(["upn"], PersonalDataDetector.Kinds("UPN B801200005001 for the review"));
        Assert.Empty(PersonalDataDetector.Kinds("UPN A801200005001 for the review"));
    }

    [Theory]
    [InlineData("NI number JT 12 34 56 C on the form", "niNumber")]
    [InlineData("NI: AB123456D", "niNumber")]
    [InlineData("call 07700 900123 after four", "phone")]
    [InlineData("ring +44 121 496 0456", "phone")]
    [InlineData("ring 0121 496 0789", "phone")]
    [InlineData("write to j.smith@academy.example", "email")]
    [InlineData("lives at EX1 9ZZ", "postcode")]
    public void Detects_each_kind(string text, string kind) => Assert.Contains(kind, PersonalDataDetector.Kinds(text));

    [Theory]
    [InlineData("NI number GB 12 34 56 C")]   // GB prefix is never issued
    [InlineData("room 12, year 2026, page 45")]
    [InlineData("call 07700 9001")]            // 9 digits: too short for a UK number
    public void Ignores_lookalikes(string text) => Assert.Empty(PersonalDataDetector.Kinds(text));

    [Fact]
    public void Kinds_are_distinct_and_in_contract_order()
    {
        var kinds = PersonalDataDetector.Kinds("EX1 9ZZ, JT 12 34 56 C, 07700 900123", "a@b.example and B801200005001 and c@d.example");
        Assert.Equal(["upn", "email", "phone", "niNumber", "postcode"], kinds);
    }

    [Fact]
    public void Redactor_replaces_every_value_with_its_kind()
    {
        var redacted = PersonalDataRedactor.Redact("Pupil B801200005001, mum on 07700 900123 or mum@home.example, NI JT 12 34 56 C, EX1 9ZZ.");
        Assert.Equal("Pupil [upn], mum on [phone] or [email], NI [niNumber], [postcode].", redacted);
        Assert.Equal("nothing personal here", PersonalDataRedactor.Redact("nothing personal here"));
        Assert.Equal("", PersonalDataRedactor.Redact(null));
    }
}
