namespace AiPolicyBot.Language;

/// <summary>Marker for the language-model assembly (embedded training data and models are read through it).</summary>
public static class LanguageAssembly
{
    public static System.Reflection.Assembly Instance => typeof(LanguageAssembly).Assembly;
}
