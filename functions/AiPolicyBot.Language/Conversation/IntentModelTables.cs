using System.IO.Compression;
using System.Text;

namespace AiPolicyBot.Language.Conversation;

/// <summary>
/// The trained intent model's inference as plain tables, exported from the ML.NET model by
/// <c>IntentModelExport</c> and read by <see cref="IntentScorer"/> (docs/spec/intent-scorer.md). Feature slots are in
/// ML.NET's order: the character n-grams first, then the word n-grams, each in the order training first met them.
/// Written deterministically: the same model and data give the same bytes (IntentModelTablesTests).
/// </summary>
public sealed class IntentModelTables
{
    private const string Magic = "aipolicybot-intent-tables";
    private const int Version = 1;

    /// <summary>The intents, in the order of the classifier's classes.</summary>
    public required string[] Labels { get; init; }

    public required int CharNgramLength { get; init; }

    public required int WordNgramLength { get; init; }

    /// <summary>Each character n-gram slot's characters (ML.NET's start and end markers included where they occur).</summary>
    public required string[] CharGrams { get; init; }

    /// <summary>The words training met; a word's id is its index plus one (0 is a word training never met).</summary>
    public required string[] Words { get; init; }

    /// <summary>Each word n-gram slot's word ids.</summary>
    public required int[][] WordGrams { get; init; }

    /// <summary>Feature-major weights: slot s, class c at <c>s * Labels.Length + c</c>; character slots first.</summary>
    public required float[] Weights { get; init; }

    public required float[] Biases { get; init; }

    public int Slots => CharGrams.Length + WordGrams.Length;

    /// <summary>The tables' bytes before compression: what the committed-file guard compares.</summary>
    public byte[] ToPayload()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            WriteStrings(w, Labels);
            w.Write(CharNgramLength);
            w.Write(WordNgramLength);
            WriteUtf16(w, CharGrams);
            WriteUtf16(w, Words);
            w.Write(WordGrams.Length);
            foreach (var gram in WordGrams)
            {
                w.Write((byte)gram.Length);
                foreach (var id in gram) w.Write(id);
            }
            foreach (var x in Weights) w.Write(x);
            foreach (var x in Biases) w.Write(x);
        }
        return buffer.ToArray();
    }

    /// <summary>The file: the payload, gzip-compressed (optimal level, no name or time stamp in the header).</summary>
    public void Write(Stream target)
    {
        using var gzip = new GZipStream(target, CompressionLevel.SmallestSize, leaveOpen: true);
        gzip.Write(ToPayload());
    }

    public static IntentModelTables Read(Stream source)
    {
        using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var payload = new MemoryStream();
        gzip.CopyTo(payload);
        payload.Position = 0;
        return FromPayload(payload);
    }

    /// <summary>The uncompressed payload of a file written by <see cref="Write"/>.</summary>
    public static byte[] Payload(Stream source)
    {
        using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var payload = new MemoryStream();
        gzip.CopyTo(payload);
        return payload.ToArray();
    }

    private static IntentModelTables FromPayload(Stream payload)
    {
        using var r = new BinaryReader(payload, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic || r.ReadInt32() != Version) throw new InvalidDataException("not intent model tables of this version");
        var labels = ReadStrings(r);
        var charN = r.ReadInt32();
        var wordN = r.ReadInt32();
        var charGrams = ReadUtf16(r);
        var words = ReadUtf16(r);
        var wordGrams = new int[r.ReadInt32()][];
        for (var i = 0; i < wordGrams.Length; i++)
        {
            var gram = new int[r.ReadByte()];
            for (var k = 0; k < gram.Length; k++) gram[k] = r.ReadInt32();
            wordGrams[i] = gram;
        }
        var weights = new float[(charGrams.Length + wordGrams.Length) * labels.Length];
        for (var i = 0; i < weights.Length; i++) weights[i] = r.ReadSingle();
        var biases = new float[labels.Length];
        for (var i = 0; i < biases.Length; i++) biases[i] = r.ReadSingle();
        return new IntentModelTables
        {
            Labels = labels,
            CharNgramLength = charN,
            WordNgramLength = wordN,
            CharGrams = charGrams,
            Words = words,
            WordGrams = wordGrams,
            Weights = weights,
            Biases = biases,
        };
    }

    private static void WriteStrings(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    // Text as UTF-16 code units, so a lone surrogate (half an emoji in a character n-gram) survives the round trip.
    private static void WriteUtf16(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(v.Length);
            foreach (var c in v) w.Write((ushort)c);
        }
    }

    private static string[] ReadUtf16(BinaryReader r)
    {
        var values = new string[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = string.Create(r.ReadInt32(), r, static (span, reader) =>
            {
                for (var k = 0; k < span.Length; k++) span[k] = (char)reader.ReadUInt16();
            });
        }
        return values;
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var values = new string[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadString();
        return values;
    }
}
