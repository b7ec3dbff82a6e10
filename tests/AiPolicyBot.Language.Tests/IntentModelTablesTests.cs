using AiPolicyBot.Language.Conversation;

namespace AiPolicyBot.Language.Tests;

/// <summary>The committed intent-model.bin is exactly what the export makes from the committed model and data.</summary>
public class IntentModelTablesTests
{
    [Fact]
    public void The_committed_tables_are_the_export_of_the_committed_model()
    {
        // A retrained intent-model.zip without its tables fails here:
        // dotnet run -c Release --project tools/IntentTraining -- export
        var exported = IntentModelExport.Committed(IntentModelFiles.LoadMlModel());
        Assert.Equal(exported.ToPayload(), IntentModelFiles.TablesPayload());
        Assert.Equal(IntentModelFiles.Info().Labels, exported.Labels);
    }

    [Fact]
    public void The_export_is_deterministic_and_reads_back_as_written()
    {
        var rows = IntentModelFiles.TrainingSet().Where(r => IntentCalibration.Fold(r, 8) == 1).ToList();
        var a = IntentModelExport.Export(MlIntentModel.Train(rows), rows);
        var b = IntentModelExport.Export(MlIntentModel.Train(rows), rows);
        Assert.Equal(a.ToPayload(), b.ToPayload());
        using var file = new MemoryStream();
        a.Write(file);
        file.Position = 0;
        Assert.Equal(a.ToPayload(), IntentModelTables.Read(file).ToPayload());
    }

    [Fact]
    public void The_export_refuses_rows_the_model_was_not_trained_on()
    {
        // The n-grams are rebuilt from the training rows and checked against ML.NET's slot names, so a featurisation
        // (or a data set) that differs from the model's cannot produce tables silently.
        var rows = IntentModelFiles.TrainingSet().Where(r => IntentCalibration.Fold(r, 8) == 2).ToList();
        var model = MlIntentModel.Train(rows);
        Assert.Throws<InvalidOperationException>(() => IntentModelExport.Export(model, rows.Skip(1).ToList()));
    }

    [Fact]
    public void The_committed_tables_load_without_ml_net_types()
    {
        // The runtime path's types: a field or signature of a Microsoft.ML type on them would load ML.NET with them.
        foreach (var type in new[] { typeof(IntentModel), typeof(IntentScorer), typeof(IntentModelTables), typeof(IntentFeaturizer) })
        {
            var members = type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
                .Select(f => f.FieldType)
                .Concat(type.GetMethods().SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
            Assert.DoesNotContain(members, t => t.Assembly.GetName().Name!.StartsWith("Microsoft.ML", StringComparison.Ordinal));
        }
    }
}
