using AiPolicyBot.Language.Conversation;
using AiPolicyBot.Language.Conversation.Catalogue;

namespace AiPolicyBot.Language.Tests;

public class IntentModelTests
{
    [Fact]
    public void The_committed_model_was_made_from_the_committed_training_data()
    {
        // A changed chat-train.jsonl without `dotnet run -c Release --project tools/IntentTraining` fails here.
        var info = IntentModelFiles.Info();
        Assert.Equal(IntentCalibration.DataHash(IntentModelFiles.TrainingDataBytes()), info.DataSha256);
        Assert.Equal(IntentModelFiles.TrainingSet().Count, info.Rows);
        Assert.True(info.Rows >= 3000, $"{info.Rows} training rows");
    }

    [Fact]
    public void The_training_data_covers_every_intent_in_many_voices()
    {
        var rows = IntentModelFiles.TrainingSet();
        var intents = rows.GroupBy(r => r.Intent).ToDictionary(g => g.Key, g => g.Count());
        foreach (var intent in new[] { "askTool", "requestApproval", "listApproved", "myRequests", "trainingDone", "help", "pendingApprovals", "other" })
            Assert.True(intents.GetValueOrDefault(intent) >= 80, $"{intent}: {intents.GetValueOrDefault(intent)} rows");
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var rows = IntentModelFiles.TrainingSet().Where(r => IntentCalibration.Fold(r, 8) == 0).ToList();
        var a = IntentModel.Train(rows);
        var b = IntentModel.Train(rows);
        foreach (var text in new[] { "can i use chat gtp for lesson plans?", "any news on my request", "HELP", "thanks!" })
            Assert.Equal(a.Predict(text), b.Predict(text));
    }

    [Fact]
    public void Probabilities_are_a_distribution_best_first()
    {
        var model = IntentModelFiles.LoadModel();
        var scores = model.Predict("which AI tools are approved for marking?");
        Assert.Equal(8, scores.Length);
        Assert.Equal("listApproved", scores[0].Intent);
        Assert.Equal(1.0, scores.Sum(s => s.Probability), 6);
        Assert.True(scores.Zip(scores.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
    }

    [Fact]
    public void A_repeated_preamble_does_not_drown_the_question()
    {
        var text = string.Concat(Enumerable.Repeat("We are planning the new term. ", 60)) + "Can I use ChatGPT for lesson plans?";
        Assert.EndsWith("can i use chatgpt for lesson plans?", IntentText.Prepare(text));
        Assert.True(IntentText.Prepare(text).Length <= IntentText.MaxLength + 1);
    }

    [Fact]
    public void The_catalogue_holds_over_300_products_and_links_every_demo_register_entry()
    {
        var products = ProductCatalogue.Embedded.Products;
        Assert.True(products.Count >= 300, $"{products.Count} products");
        Assert.Equal(
            ["canva-magic", "chatgpt-free", "claude-free", "gemini-consumer", "grammarly-ext", "khanmigo", "m365-copilot-chat", "midjourney", "oak-aila", "otter-ai", "teachermatic"],
            products.Where(p => p.RegisterId is not null).Select(p => p.RegisterId!).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(products.Count, products.Select(p => p.Name.ToLowerInvariant()).Distinct().Count());
    }
}
