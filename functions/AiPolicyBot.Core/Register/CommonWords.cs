namespace AiPolicyBot.Register;

/// <summary>
/// Everyday English and school words that are never read as a tool name on their own: they may not fuzzy-match a
/// register name ("other" is not "Otter", "clause" is not "Claude") and are never offered as an unknown tool's name.
/// </summary>
internal static class CommonWords
{
    public static readonly HashSet<string> Set = new(StringComparer.Ordinal)
    {
        "a","about","above","after","again","against","ai","all","allowed","also","am","an","and","any","anyone","anything",
        "app","apply","approval","approve","approved","are","as","ask","at","be","been","before","being","below","between",
        "both","but","by","can","cannot","class","clause","cloud","could","did","do","does","doing","done","down","during",
        "each","few","for","from","further","get","got","had","has","have","having","he","hello","help","her","here","hers",
        "hi","him","his","how","i","id","if","im","in","into","is","it","its","ive","just","let","like","lesson","lessons",
        "may","me","might","more","most","must","my","need","new","no","nor","not","now","of","off","ok","okay","on","once",
        "only","or","other","others","our","ours","out","over","own","please","plan","plans","planning","policy","pupil",
        "pupils","put","raise","really","request","requests","same","she","should","so","some","start","still","submit",
        "such","than","thank","thanks","that","the","their","them","then","there","these","they","this","those","through",
        "to","too","tool","tools","under","until","up","us","use","used","using","very","want","was","we","were","what",
        "when","where","which","while","who","whom","why","will","with","would","yes","yet","you","your","yours","s","t",
        "re","ll","ve","d","m","year","years","week","today","yesterday","tomorrow","monday","tuesday","wednesday",
        "thursday","friday","saturday","sunday","january","february","march","april","june","july","august",
        "september","october","november","december","english","maths","math","science","history","geography","french",
        "spanish","german","music","art","drama","pe","computing","biology","chemistry","physics","sen","send","ehcp",
        "slt","dsl","dpo","cio","cdo","ta","tas","inset","dfe","gcse","gcses","ks1","ks2","ks3","ks4","ks5","mis","it",
        "hr","nea","jcq","ofsted","trust","academy","school","schools","staff","teacher","teachers","student","students",
        "parent","parents","report","reports","email","emails","data","personal","home","homework","mark","marking",
        "training","course","module","session","meeting","meetings","notes","minutes","images","image","slides",
        "quiz","quizzes","reading","writing","department","form","sixth","level","levels","assessment","exam","exams",
        "mock","results","safeguarding","feedback","group","groups","set","sets","y1","y2","y3","y4","y5","y6","y7",
        "y8","y9","y10","y11","y12","y13","eyfs","uk","ok","bot","chatbot","yeah","hey","dear","kind","regards","good",
        "morning","afternoon","great","sure","fine","free","paid","version","edition","account","accounts","login",
        "tutor","assistant","write","make","making","create","generate","check","find","tell","know","think","mistake",
        "teams","outlook","word","excel","powerpoint","onenote","forms","sharepoint","onedrive","windows","office",
    };

    public static bool Contains(string normalisedToken) => Set.Contains(normalisedToken);
}
