using System.Text.Json.Nodes;
using AiPolicyBot.Academies;
using AiPolicyBot.Contacts;
using AiPolicyBot.Teams.Cards.Conversation;
using AiPolicyBot.Teams.Conversation.Staff;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiPolicyBot.Teams.Tests.Conversation;

/// <summary>
/// A deployment whose register is still empty says so plainly and names whom to ask; every contact staff see comes
/// from configuration, never a built-in placeholder address.
/// </summary>
public sealed class RegisterNotSetUpTests
{
    private static readonly TrustContacts Contacts = new()
    {
        InformationAssuranceEmail = "ia@oakfield-trust.org.uk",
        DpoEmail = "dpo@oakfield-trust.org.uk",
        ComplaintsContact = "complaints@oakfield-trust.org.uk",
        PolicyUrl = "https://oakfield-trust.org.uk/ai-policy",
        TrainingUrl = "https://oakfield-trust.org.uk/ai-training",
    };

    private static StaffMessageHandler Handler(ConversationHarness h) => new(h.Conversation,
        [new AskToolResponder(h.Conversation, new AiPolicyBot.Register.InMemoryToolDemand(), new StaffAcademies(new InMemoryStaffAcademyStore())),
         new ListApprovedResponder(h.Conversation, new StaffAcademies(new InMemoryStaffAcademyStore())),
         new OtherResponder(Options.Create(Contacts), h.Conversation.Register)],
        NullLogger<StaffMessageHandler>.Instance, Options.Create(Contacts));

    [Theory]
    [InlineData("can i use chatgpt for lesson plans?")]
    [InlineData("which tools are approved for marking?")]
    public async Task An_empty_register_is_not_set_up_and_the_reply_names_the_configured_contact(string text)
    {
        var h = new ConversationHarness(demoRegister: false);
        await Handler(h).HandleAsync(h.Turn(text), default);
        var reply = h.Sent.Single();
        Assert.Null(reply.Attachments);
        Assert.Contains("not set up yet", reply.Text);
        Assert.Contains("ia@oakfield-trust.org.uk", reply.Text);
        Assert.Contains("https://oakfield-trust.org.uk/ai-policy", reply.Text);
    }

    [Fact]
    public async Task With_the_register_loaded_the_same_question_gets_an_answer_card()
    {
        var h = new ConversationHarness();
        await Handler(h).HandleAsync(h.Turn("can i use chatgpt for lesson plans?"), default);
        Assert.NotNull(h.Sent.Single().Attachments);
    }

    [Fact]
    public void Help_and_incident_texts_use_the_configured_address_and_no_placeholder()
    {
        var help = HelpCard.Build(welcome: true, Contacts).ToJsonObject().ToJsonString();
        Assert.Contains("ia@oakfield-trust.org.uk", help);
        var incident = OtherReplies.For("I pasted pupil data into chatgpt by mistake", Contacts);
        Assert.Contains("ia@oakfield-trust.org.uk", incident);
        foreach (var text in new[] { help, incident, HelpCard.Build(welcome: false).ToJsonObject().ToJsonString(), OtherReplies.For("this is useless") })
            Assert.DoesNotContain("trust.example", text);
    }

    [Theory]
    [InlineData("information.assurance@trust.example")]
    [InlineData("ia@localhost")]
    [InlineData("changeme@school.org.uk")]
    [InlineData("")]
    public void Placeholder_contacts_are_problems_for_production(string address)
    {
        var c = new TrustContacts
        {
            InformationAssuranceEmail = address,
            DpoEmail = Contacts.DpoEmail,
            ComplaintsContact = Contacts.ComplaintsContact,
            PolicyUrl = Contacts.PolicyUrl,
            TrainingUrl = Contacts.TrainingUrl,
        };
        Assert.Contains(c.ProblemsForProduction(), p => p.StartsWith("Contacts:InformationAssuranceEmail", StringComparison.Ordinal));
        Assert.Empty(Contacts.ProblemsForProduction());
    }
}
