using AiPolicyBot.Register;
using AiPolicyBot.Teams.Conversation.Understanding;
using Xunit.Abstractions;

namespace AiPolicyBot.Teams.Tests.Conversation;

/// <summary>
/// Hand-written messages that are in no data set, one or more per intent, with misspellings, several sentences,
/// mentions and politeness. A generalisation check: the figure is printed, and each intent must be recognised.
/// </summary>
public sealed class UnseenUtteranceTests(ITestOutputHelper output)
{
    public static readonly (string Text, string Intent, string? Tool)[] Cases =
    [
        ("is copliot ok for writing a scheme of work?", "askTool", "m365-copilot-chat"),
        ("Morning! Quick one. Am I allowed to use chatGPT to brainstorm assembly ideas?", "askTool", "chatgpt-free"),
        ("<at>AiPolicyBot</at> can i use teachermattic", "askTool", "teachermatic"),
        ("are staff allowed to use Claude for drafting policies", "askTool", "claude-free"),
        ("Is it alright to use Gemini for a Y10 revision quiz?", "askTool", "gemini-consumer"),
        ("could my Year 11s use Khanmigo for revision at home", "askTool", "khanmigo"),
        ("Can we use Otter.ai in SLT meetings?", "askTool", "otter-ai"),
        ("Is Canva AI ok with my year 7 class", "askTool", "canva-magic"),
        ("Does Midjourney need approval?", "askTool", "midjourney"),
        ("Can I use Quillbot for rewording my newsletter?", "askTool", "unknown:Quillbot"),
        ("Is Copilot ok for summarising an EHCP?", "askTool", "m365-copilot-chat"),
        ("Can I use AI to draft a letter home?", "askTool", null),
        ("i'd like to get Quizizz AI approved please", "requestApproval", "unknown:Quizizz"),
        ("How can I ask for a new tool to be added to the register?", "requestApproval", null),
        ("I need permission to use Claude with pupil data for reports", "requestApproval", "claude-free"),
        ("Please raise an approval request for Gamma for my department", "requestApproval", "unknown:Gamma"),
        ("We want to renew the Aila approval", "requestApproval", "oak-aila"),
        ("open a request", "requestApproval", null),
        ("what happened to AIP-2026-0009?", "myRequests", null),
        ("any news on my request?", "myRequests", null),
        ("show me my requests please", "myRequests", null),
        ("Has the Gemini request I sent been decided?", "myRequests", "gemini-consumer"),
        ("I've finished the copilot training module", "trainingDone", "m365-copilot-chat"),
        ("Completed TeacherMatic course this morning", "trainingDone", "teachermatic"),
        ("I did the AI safety CPD yesterday", "trainingDone", null),
        ("Do I need to do training for Copilot?", "askTool", "m365-copilot-chat"),
        ("which AI tools are approved for SEN?", "listApproved", null),
        ("what tools can TAs use", "listApproved", null),
        ("show the register", "listApproved", null),
        ("Which chatbots are allowed?", "listApproved", null),
        ("what can you help me with", "help", null),
        ("HELP", "help", null),
        ("how do I use this bot?", "help", null),
        ("what do I need to approve?", "pendingApprovals", null),
        ("pending approvals", "pendingApprovals", null),
        ("Are there any requests waiting for my approval?", "pendingApprovals", null),
        ("cheers", "other", null),
        ("good afternoon", "other", null),
        ("can you make me a worksheet on photosynthesis", "other", null),
        ("A colleague has uploaded a class list to a chatbot", "other", null),
        ("I accidentally put a child's name into Gemini", "other", "gemini-consumer"),
        ("what time is lunch", "other", null),
        ("I used Claude with a pupil's report yesterday, is that a problem?", "other", "claude-free"),
        ("Hi. We're planning a trip. Can I use Gemini to draft the risk assessment?", "askTool", "gemini-consumer"),
        ("is copilot ok for EHCPs", "askTool", "m365-copilot-chat"),
        ("Can I put exam results into ChatGPT to spot trends?", "askTool", "chatgpt-free"),
        ("can u check where my teachermatic request is up to", "myRequests", "teachermatic"),
    ];

    [Fact]
    public void Hand_written_messages_are_understood()
    {
        int intentRight = 0, toolRight = 0;
        foreach (var (text, intent, tool) in Cases)
        {
            var u = Support.TestUnderstanding.Understand(StripMention(text));
            // A clarification that offers the right intent is right (conversation preview contract).
            var intentOk = u.Intent == Intent.Clarify ? u.Candidates.Any(c => c.Label() == intent) : u.Intent.Label() == intent;
            if (intentOk) intentRight++; else output.WriteLine($"INTENT MISS \"{text}\": expected {intent}, got {u.Intent.Label()}");
            if (string.Equals(u.ToolLabel, tool, StringComparison.OrdinalIgnoreCase)) toolRight++;
            else output.WriteLine($"TOOL MISS \"{text}\": expected {tool ?? "null"}, got {u.ToolLabel ?? "null"}");
        }
        output.WriteLine($"unseen: intent {intentRight}/{Cases.Length}, tool {toolRight}/{Cases.Length}");
        Assert.True(intentRight >= Cases.Length * 0.9, $"intent {intentRight}/{Cases.Length}");
        Assert.True(toolRight >= Cases.Length * 0.9, $"tool {toolRight}/{Cases.Length}");
    }

    // The protocol layer strips the bot mention (TurnContext.Text); this mirrors it for the plain-string test.
    private static string StripMention(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "<at>[^<]*</at>", "").Trim();
}
