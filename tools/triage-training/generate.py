#!/usr/bin/env python3
"""Writes the synthetic training mail for the triage model.

Deterministic (fixed seed). Everything is invented: names, schools and vendors use *.example domains, phone numbers
come from the Ofcom drama ranges, UPNs use LA code 999 with a valid check letter. Written from the category
definitions (docs/spec/triage.md), NOT from tests/fixtures/triage-dev.jsonl, which stays held out.

    python3 tools/triage-training/generate.py > functions/AiPolicyBot.Core/Triage/TrainingData/triage-train.jsonl
"""
import json, random

rnd = random.Random(20261127)
pick = rnd.choice

FIRST = ["Amira", "Ben", "Chloe", "Dev", "Eleanor", "Fraser", "Grace", "Hassan", "Isla", "Jonah", "Kavya", "Liam",
         "Maya", "Niall", "Olu", "Priya", "Quentin", "Rosa", "Sam", "Tariq", "Uma", "Vik", "Willow", "Xander", "Yasmin",
         "Zac", "Bethan", "Callum", "Dina", "Euan", "Farah", "Gethin", "Hannah", "Imran", "Jess"]
LAST = ["Ashby", "Bellamy", "Crane", "Dlamini", "Evans", "Farrow", "Gupta", "Holt", "Iqbal", "Jenner", "Kaur", "Lowe",
        "Mensah", "Nolan", "Osei", "Pryce", "Quinlan", "Rahman", "Stone", "Thorne", "Usher", "Vance", "Walsh", "Yates",
        "Zielinski", "Brennan", "Carver", "Doyle", "Ellis", "Fox"]
SCHOOLS = ["ashdown", "millbrook", "fernside", "longmeadow", "kestrel", "oakfield", "brookmere", "hillcrest",
           "riverside", "stcuthberts", "harbourview", "elmwood"]
PARENT_DOMAINS = ["example.com", "example.org", "example.net", "mail.example", "home.example"]
STAFF_ROLES = ["", "", "", "head", "office", "senco", "dsl", "deputy", "y4", "maths", "english", "science", "admin",
               "exams", "business.manager", "pastoral", "computing", "hr", "finance", "it.support"]
KNOWN = ["ChatGPT", "Copilot", "Microsoft 365 Copilot Chat", "Gemini", "Claude", "TeacherMatic", "Grammarly",
         "Otter.ai", "Canva Magic Studio", "Aila", "Khanmigo", "Midjourney", "Canva", "Chat GPT", "Google Bard"]
UNKNOWN = ["QuizCraft AI", "Slidewise", "MarkMate", "ReadAloud Pro", "Quillbot", "Padlet AI", "Kahoot AI", "Mote",
           "Tome", "Elicit", "Consensus", "Photomath", "StoryForge", "LessonGenie", "Feedbackly", "VoiceNote AI",
           "Tutorly", "Notion AI", "Scribe Assist", "PlanPilot", "Worksheet Wizard", "EduTranscribe", "Pictory",
           "Synthesia", "Descript", "Twee", "Conker", "Mindgrasp", "ClassPoint AI", "Formative AI"]
VENDORS = ["brightlearn", "edupulse", "classwise", "markly", "teachflow", "schoolsphere", "learnloop", "pupilpath",
           "insightedu", "smartslate", "quizhive", "planwell", "safeguardpro", "datashield", "cloudclass"]
PURPOSES = ["planning lessons", "writing model answers", "differentiating reading texts", "making quizzes",
            "giving feedback on essays", "drafting letters to parents", "summarising meeting notes",
            "creating revision cards", "translating letters for EAL families", "marking mock papers",
            "writing risk assessments", "producing display images", "analysing assessment data",
            "transcribing lessons for a pupil with hearing loss", "generating phonics stories"]

def name(): return pick(FIRST), pick(LAST)

def staff_from(first, last):
    school = pick(SCHOOLS)
    role = pick(STAFF_ROLES)
    local = role if role and rnd.random() < 0.5 else f"{first[0].lower()}.{last.lower()}"
    return f"{local}@{school}.example"

def parent_from(first, last):
    return f"{pick([first.lower() + '.' + last.lower(), first[0].lower() + last.lower(), last.lower() + str(rnd.randint(1, 99))])}@{pick(PARENT_DOMAINS)}"

def greeting(): return pick(["Hi,", "Hello,", "Dear IA team,", "Hi all,", "Good morning,", "Dear Sir/Madam,", "Hello there,", "Hi team,", ""])
def signoff(first, last): return pick([f"Thanks,\n{first} {last}", f"Kind regards,\n{first} {last}", f"{first}", f"Best wishes,\n{first} {last}", f"Many thanks\n{first}", f"Regards,\n{first} {last}"])

def phone(): return pick([f"07700 900{rnd.randint(0, 999):03d}", f"0121 496 0{rnd.randint(0, 999):03d}", f"020 7946 0{rnd.randint(0, 999):03d}", f"0113 496 0{rnd.randint(0, 999):03d}"])

ALPHA = "ABCDEFGHJKLMNPQRTUVWXYZ"
def upn():
    digits = "999" + f"{rnd.randint(1000, 9999)}" + f"{rnd.randint(10, 25)}" + f"{rnd.randint(0, 999):03d}"
    total = sum((i + 2) * int(d) for i, d in enumerate(digits))
    return ALPHA[total % 23] + digits

def postcode(): return pick(["AB1 2CD", "ZZ9 9ZZ", "XY12 3AB", "QA4 5NT", "TE1 1ST"]).replace("ZZ9 9ZZ", "EX1 9ZZ")

def ni(): return pick(["JT", "AB", "CE", "HP", "WL"]) + f" {rnd.randint(10, 99)} {rnd.randint(10, 99)} {rnd.randint(10, 99)} " + pick("ABCD")

def ref(): return f"AIP-2026-{rnd.randint(1, 399):04d}"

rows = []
def add(label, frm, subject, body, headers=None):
    rows.append({"id": f"train-{len(rows) + 1:04d}", "from": frm, "to": "information.assurance@trust.example",
                 "subject": subject, "body": body.strip() + "\n", "headers": headers or {}, "expected": label,
                 "notes": "synthetic training row"})

def letter(first, last, *parts):
    g = greeting()
    return ((g + "\n\n") if g else "") + "\n\n".join(p for p in parts if p) + "\n\n" + signoff(first, last)

# ---------------------------------------------------------------- breach
DATA = ["a list of my Year 9 pupils' names and reading ages", "the SEN register for my class",
        "two EHCP drafts", "a parent's letter that had their home address on it", "my class's end-of-year reports",
        "a safeguarding referral I was writing up", "staff sickness absence records", "the behaviour log for 8C",
        "the Year 11 mock results with names", "notes from a child protection meeting", "a spreadsheet of pupil attendance",
        "the medical needs list for the trip", "pupils' free school meal status", "a disciplinary investigation report",
        "interview notes for two candidates", "pupils' names and their exam access arrangements",
        "photos of the class with their names", "the parents' contact list", "assessment data with pupil names"]
TOOLS_ANY = ["ChatGPT", "Gemini", "a free AI summariser website", "an AI detector site", "Claude", "a paraphrasing tool",
             "my personal Copilot account", "an AI chatbot app on my phone", "Grammarly", "an online AI report writer",
             "Perplexity", "a website that makes worksheets", "an AI translation site"]
REALISE = ["I've since realised it isn't approved for personal data.", "I didn't think about it at the time.",
           "A colleague pointed out this is not allowed under the policy.",
           "I have deleted the chat but I don't know whether they keep a copy.",
           "I read afterwards that the site keeps everything that is uploaded.", "I panicked and closed the window.",
           "It was a mistake and I feel awful.", "Only afterwards did I check the register."]
ASK = ["What should I do now?", "Please let me know what happens next.", "I wanted to report it straight away.",
       "Sorry - I know this is serious.", "Do I need to fill in a form?", "I'm reporting it as the policy says.", ""]
for i in range(30):
    f, l = name()
    verb = pick(["pasted", "uploaded", "copied", "entered", "typed", "put"])
    who = pick(["I", "I", "I", "A colleague", "One of our TAs", "A supply teacher", "My line manager", "A trainee"])
    data, tool, purpose = pick(DATA), pick(TOOLS_ANY), pick(PURPOSES)
    extra = pick(["", f"One of the pupils' UPN ({upn()}) was in the file.", f"It included a parent's mobile, {phone()}.",
                  f"The letter had the family's postcode ({postcode()}).", "", ""])
    subj = pick(["Possible data breach", "Data incident to report", "I think I've made a mistake", f"{tool.split()[-1]} and pupil data",
                 "Reporting an incident", "Pupil data put into AI", "Urgent - personal data", "mistake with AI",
                 "Need advice urgently", "Data protection issue", "Something I need to report"])
    add("breach", staff_from(f, l), subj, letter(f, l,
        f"{who} {verb} {data} into {tool} {pick(['to help with', 'while', 'for'])} {purpose}.", extra,
        pick(REALISE), pick(ASK)))
for i in range(10):
    f, l = name()
    thing = pick(["an AI-written summary of a child's progress", "the minutes of a safeguarding meeting",
                  "a letter about a pupil's behaviour", "the SEN review notes", "a pupil's report", "a list of pupils on the trip with medical details",
                  "an email with a pupil's assessment results"])
    add("breach", staff_from(f, l), pick(["Sent to the wrong parent", "Email to wrong address", "Misdirected email", "wrong recipient", "Oops - wrong family"]),
        letter(f, l, f"I sent {thing} to the wrong {pick(['parent', 'family', 'email address', 'school', 'person'])} this morning.",
               pick(["The names were similar in the address book.", "Outlook autocompleted the address.", "I only noticed when they replied."]),
               pick(["I've asked them to delete it.", "I have tried to recall the message.", "They haven't replied yet."]), pick(ASK)))
for i in range(10):
    v = pick(VENDORS)
    subj = pick(["Security incident notification", "Important: incident affecting your account", "Notification of a data security incident",
                 "Sub-processor incident - action required", "Notice of unauthorised access", "Important information about your data"])
    body = (f"Dear customer,\n\nWe are writing to let you know that on {rnd.randint(1, 28)} {pick(['October', 'November', 'September'])} we "
            f"{pick(['identified', 'discovered', 'detected', 'became aware of'])} {pick(['unauthorised access to', 'a security incident affecting', 'a misconfiguration that exposed'])} "
            f"{pick(['a database containing', 'a storage area holding', 'systems that process'])} {pick(['pupil names and class information', 'teacher accounts and uploaded documents', 'student work and usernames', 'contact details of school users'])}. "
            f"{pick(['Our investigation is ongoing.', 'We have contained the incident.', 'A third-party sub-processor was involved.'])}\n\n"
            f"{pick(['You may need to notify your data protection officer.', 'Please reset passwords for all users.', 'We recommend you review whether you need to report this to the ICO.'])}\n\n"
            f"The {v.title()} Security Team")
    hdr = {"Auto-Submitted": "auto-generated"} if rnd.random() < 0.4 else {}
    add("breach", f"{pick(['security', 'privacy', 'noreply', 'dpo'])}@{v}.example", subj, body, hdr)
for i in range(8):
    f, l = name()
    opts = [
        (pick(["Copilot showed me confidential files", "AI search surfaced HR documents", "Could see other staff data"]),
         f"When I asked {pick(['Copilot', 'the AI assistant', 'Copilot Chat'])} to {pick(['find my planning', 'summarise last week', 'find the timetable'])}, it showed me {pick(['salary information for other staff', 'HR files about a colleague', 'a safeguarding file I should not have access to', 'pupils medical records from another school'])}. I closed it straight away but thought you should know."),
        (pick(["AI note taker recorded meeting", "Meeting was recorded by a bot", "Transcription app in a meeting"]),
         f"An AI note taker {pick(['joined', 'was added to'])} {pick(['our safeguarding meeting', 'a parents evening appointment', 'a disciplinary hearing', 'an EHCP review'])} and recorded and transcribed the whole conversation. Nobody had given consent and the transcript was emailed to everyone, including an external address."),
        (pick(["Deepfake of a pupil", "Fake image of a teacher circulating", "AI image of a student"]),
         f"Some pupils have made a deepfake {pick(['image', 'video'])} of {pick(['a Year 8 girl', 'one of our teachers', 'a pupil in Year 10', 'a member of staff'])} using an app and it is being shared on group chats. The DSL is aware."),
        (pick(["Pupil data on a public link", "Spreadsheet leaked", "Shared link was public"]),
         f"A spreadsheet with pupil names and {pick(['home addresses', 'SEN needs', 'dates of birth'])} was shared with an 'anyone with the link' setting and the link has leaked onto a parents' forum."),
    ]
    s, b = pick(opts)
    add("breach", staff_from(f, l), s, letter(f, l, b, pick(ASK)))
for i in range(10):  # complaints that report a breach: breach wins
    f, l = name()
    child = pick(["son", "daughter", "child"])
    add("breach", parent_from(f, l), pick(["Formal complaint - my child's data", "Complaint about my son's information", "Very unhappy - personal information put into AI", "Complaint"]),
        letter(f, l, f"I am {pick(['extremely unhappy', 'very upset', 'furious'])} to learn that my {child}'s teacher {pick(['put', 'pasted', 'uploaded', 'entered'])} "
               f"{pick(['his EHCP', 'her medical information', 'their report and behaviour notes', 'details about our family situation', 'his name and diagnosis'])} into "
               f"{pick(['ChatGPT', 'an AI website', 'an AI app', 'Gemini'])}.", pick(["Nobody asked our permission.", "We were never told this would happen."]),
               f"I want to make a formal complaint and to know what has happened to the data. {pick(['You can call me on ' + phone() + '.', ''])}"))

# ---------------------------------------------------------------- complaint
COMPLAINT_TOPICS = [
    "my {c}'s school report was obviously written by AI and did not sound like {p} at all",
    "my {c} was accused of using AI for {p2} homework when {p} wrote every word",
    "the school's website chatbot gave me completely wrong information about admissions",
    "an automated system gave my {c} a detention without any teacher looking at it",
    "my {c}'s coursework mark was reduced because an AI detector flagged it",
    "AI-generated pictures of children were used in the newsletter without any explanation",
    "the homework platform uses AI to mark answers and keeps marking correct answers as wrong",
    "nobody consulted parents before AI tools were introduced in lessons",
    "my request to use an AI tool was handled badly and I was never told the outcome",
    "the feedback on my {c}'s essay was clearly generated by a machine and was useless",
    "my {c} was moved down a set based on an AI assessment score",
    "I raised this a month ago and have had no response",
]
for i in range(58):
    f, l = name()
    c = pick(["son", "daughter", "child"])
    p = {"son": "him", "daughter": "her", "child": "them"}[c]
    p2 = {"son": "his", "daughter": "her", "child": "their"}[c]
    topic = pick(COMPLAINT_TOPICS).format(c=c, p=p, p2=p2)
    opener = pick([f"I wish to make a formal complaint because {topic}.", f"I am writing to complain that {topic}.",
                   f"I am very unhappy that {topic}.", f"I am extremely disappointed that {topic}.",
                   f"This is unacceptable: {topic}.", f"I'm not happy about how this was handled - {topic}.",
                   f"I would like to raise a complaint. {topic[0].upper() + topic[1:]}."])
    redress = pick(["I expect a full explanation and an apology.", "I want the mark to be reviewed by a teacher.",
                    "Please escalate this to the head teacher and the governors.", "I would like the sanction removed from the record.",
                    "I expect a response within ten school days as your complaints policy says.",
                    "If this is not resolved I will take it further.", "I want to know what you will do to put this right."])
    frm = parent_from(f, l) if rnd.random() < 0.8 else staff_from(f, l)
    subj = pick(["Formal complaint", "Complaint", "Complaint about AI marking", "Very disappointed", "Unhappy with the school's use of AI",
                 "Second complaint - still no reply", "Complaint re AI detector", "Not acceptable", "Complaint - school report",
                 "Escalation", "Re: my complaint", "Unfair accusation"])
    add("complaint", frm, subj, letter(f, l, opener, pick(["", "It has caused a lot of upset at home.", "I have spoken to other parents who feel the same.", ""]), redress))

# ---------------------------------------------------------------- concern
CONCERNS = [
    "a colleague in my department seems to use ChatGPT on a personal account for everything, and I'm not sure what goes into it",
    "pupils are talking to AI companion apps about their feelings instead of talking to adults",
    "some of the AI images on our corridor displays show very stereotyped versions of people",
    "trainee teachers are relying on AI to plan every lesson and aren't developing their own judgement",
    "AI detectors might be unfair to pupils with English as an additional language",
    "the amount of energy these AI tools use doesn't fit our sustainability goals",
    "pupils in my tutor group are using AI to do all of their homework",
    "a teacher seems to be writing report comments with AI that don't match the children",
    "an AI app appeared on a classroom computer and I don't know who installed it",
    "the reading texts generated by AI sometimes contain odd or inappropriate content",
    "sixth formers are using chatbots for advice about mental health",
    "staff are sharing AI-generated lesson resources with factual mistakes in them",
    "younger pupils are using AI image generators at home and bringing in the results",
    "someone suggested cloning the head's voice with AI for a school video, which feels uncomfortable",
    "the new marking software might be biased against some groups of pupils",
    "we show AI-made videos in assemblies without saying they are AI",
]
for i in range(58):
    f, l = name()
    worry = pick(CONCERNS)
    opener = pick([f"I'm a bit worried that {worry}.", f"I wanted to raise a concern: {worry}.", f"I'm concerned that {worry}.",
                   f"Not a complaint, but I feel uneasy because {worry}.", f"Just flagging something that worries me - {worry}.",
                   f"I'm not sure if this is the right place, but {worry} and it's been on my mind."])
    tail = pick(["Is there anything the Trust is doing about this?", "I didn't want to make a big deal of it but thought someone should know.",
                 "Could someone reassure me that this is being looked at?", "I'd appreciate some advice.", "Is this something you are aware of?",
                 "I don't want to get anyone into trouble."])
    frm = staff_from(f, l) if rnd.random() < 0.75 else parent_from(f, l)
    subj = pick(["A concern", "Worried about AI use", "Concern about pupils and AI", "Something I've noticed", "Quick concern",
                 "Uneasy about this", "AI in the department", "Not sure this is right", "Flagging a worry", "Pupils and chatbots",
                 "AI images", "Raising a concern"])
    add("concern", frm, subj, letter(f, l, opener, tail))

# ---------------------------------------------------------------- toolRequest
for i in range(76):
    f, l = name()
    kind = rnd.randrange(7)
    # "Can I use X?" about a register tool is a question; explicit requests (approval, install, scope change) are requests.
    tool = pick(KNOWN) if kind in (1, 2) and rnd.random() < 0.3 else pick(UNKNOWN)
    purpose = pick(PURPOSES)
    who = pick(["my Year 5 class", "the maths department", "our SEND team", "the office staff", "Year 10", "the sixth form",
                "me and two colleagues", "our EAL pupils", "the SLT", "the whole academy"])
    if kind == 0:
        body = letter(f, l, f"Could we use {tool} for {purpose} with {who}?", pick(["It's free for schools.", "The vendor says it is GDPR compliant.", "Pupils would log in with their school accounts.", "No pupil data would go in."]),
                      "What do I need to do to get it approved?")
        subj = pick([tool, f"{tool}?", f"Can we use {tool}?", f"Request: {tool}", f"{tool} for {who}"])
    elif kind == 1:
        body = letter(f, l, f"I'd like to request approval for {tool}. We want to use it for {purpose}.",
                      pick(["It would involve pupils' names and their work.", "Only my own planning would go in.", "It needs to be installed on the classroom PCs.", "It connects to our Google/Microsoft accounts."]),
                      "Please let me know what information you need.")
        subj = pick([f"Approval request - {tool}", f"Request for approval: {tool}", "New AI tool request", f"{tool} approval"])
    elif kind == 2:
        body = letter(f, l, f"Please can I have permission to install {tool} on {pick(['my laptop', 'the staff room PC', 'the ICT suite', 'our iPads'])}?",
                      f"I'd use it for {purpose}.")
        subj = pick([f"Install request: {tool}", f"Permission to use {tool}", "Software request", f"{tool} install"])
    elif kind == 3:
        k = pick(["TeacherMatic", "Microsoft 365 Copilot Chat", "Canva Magic Studio", "Aila", "ChatGPT"])
        change = pick(["renew our licence for another year", "extend it to pupils in Year 9", "use it with anonymised assessment data",
                       "use it with pupil names for report writing", "add the teaching assistants to the licence"])
        body = letter(f, l, f"We already use {k}, but we would like to {change}.", "Does this need a new approval? If so please treat this as the request.")
        subj = pick([f"Renewal - {k}", f"Change of use - {k}", f"{k} licence", f"Extending {k}"])
    elif kind == 4:
        v = pick(VENDORS)
        body = letter(f, l, f"{pick(['The vendor', 'A rep from ' + v.title(), 'Someone at a conference'])} has offered us a free trial of {tool} for {purpose}.",
                      "We'd like to pilot it this term with one class before deciding. Can we go ahead, or does it need approval first?")
        subj = pick([f"Trial of {tool}", f"Pilot request - {tool}", f"FW: Free trial of {tool}", "Pilot of an AI tool"])
    elif kind == 5:
        body = (f"Tool name: {tool}\nVendor: {pick(VENDORS).title()}\nHow accessed: {pick(['web browser', 'desktop app', 'browser extension', 'mobile app'])}\n"
                f"What for: {purpose}\nWho uses it: {who}\nData: {pick(['none', 'pupil first names', 'pupil work', 'staff names'])}\n"
                f"Trains on data: {pick(['no', 'yes', 'not sure'])}\n\n{f} {l}")
        subj = pick(["AI tool request form", "Tool request", "Request form", f"Request - {tool}"])
    else:
        body = letter(f, l, f"Our {pick(['SENCo', 'head of department', 'deputy head', 'business manager'])} has asked me to get {tool} signed off for {purpose}.",
                      pick(["We'd need it by half term.", "It would be for staff only.", "It would be used by pupils in lessons."]), "Who do I send the details to?")
        subj = pick([f"Sign-off for {tool}", f"{tool} for {purpose}", "Tool sign-off", f"Request to use {tool}"])
    add("toolRequest", staff_from(f, l), subj, body)

# ---------------------------------------------------------------- question
QUESTIONS = [
    ("Is {k} approved?", "Is {k} on the approved list? I'd like to use it to {p} without any pupil information."),
    ("{k} training", "Do I need to do any training before I start using {k}? Where do I find it?"),
    ("Approved tools list", "Where can I find the list of AI tools that are approved for staff?"),
    ("Personal data question", "What counts as personal data for the AI policy? Is a pupil's first name on its own personal data?"),
    ("Who approves?", "Who approves new AI tools - is it my head teacher or someone at the Trust?"),
    ("How long does approval take?", "Roughly how long does it take for a tool request to be approved?"),
    ("Policy and governors", "Does the AI policy apply to governors and volunteers as well as staff?"),
    ("{k} for {p}", "Can I use {k} to {p}? No names or pupil details would go into it."),
    ("Declined tools", "If a tool has been declined, is there a way to appeal or ask for it to be looked at again?"),
    ("Telling parents", "Do we need to tell parents that we use AI tools, and is there template wording for the privacy notice?"),
    ("JCQ and AI", "What do the JCQ rules say about AI in coursework, and how does that fit with the Trust policy?"),
    ("Anonymised data", "If I remove names from assessment data, can it go into an approved AI tool?"),
    ("AI at home", "Does the policy cover AI I use on my own devices at home for planning?"),
    ("Status of {k}", "What is the current status of {k} in the register? I heard it was being reviewed."),
    ("Policy review", "When is the AI policy next due for review, and who should we send suggestions to?"),
    ("Supply staff", "Are supply teachers covered by the AI policy, and can they use the approved tools?"),
    ("Difference between statuses", "What's the difference between 'approved' and 'approved without personal data'?"),
    ("Images", "Are we allowed to use AI-generated images in presentations and displays?"),
    ("DPIA", "Do we need a DPIA for every AI tool, or only for ones that use personal data?"),
    ("Contact", "Who is the data protection officer and how do I contact them?"),
]
for i in range(70):
    f, l = name()
    s, b = pick(QUESTIONS)
    k = pick(KNOWN)
    p = pick(["plan lessons", "write a newsletter", "draft quiz questions", "make revision cards", "summarise a policy", "brainstorm ideas"])
    frm = staff_from(f, l) if rnd.random() < 0.85 else parent_from(f, l)
    add("question", frm, s.format(k=k, p=p), letter(f, l, b.format(k=k, p=p), pick(["", "Thanks in advance.", "Sorry if this is obvious.", ""])))

# ---------------------------------------------------------------- marketing
PROMOS = [
    ("Free webinar: {t}", "Join our free webinar on {t}. Spaces are limited - book your place today."),
    ("{n}% off {v} Pro this week only", "For a limited time get {n}% off {v} Pro. Save hours of marking with AI. Offer ends Friday."),
    ("New in {v}: AI lesson builder", "We've just launched an AI lesson builder. Try it free for 30 days - no card needed."),
    ("The AI in Education newsletter - {m}", "This month: {t}, plus product news and upcoming events. Read online."),
    ("How one trust saved {n} hours a week", "Read the case study: how a multi-academy trust used {v} to cut workload. Book a demo."),
    ("You're invited: {v} Summit {y}", "Join school leaders at the {v} Summit. Early bird tickets available now."),
    ("Is your school GDPR ready for AI?", "A data breach can cost your school dearly. Our audit service checks your AI use against GDPR. Book a free consultation."),
    ("Free template pack", "Download our free pack of AI policy and DPIA templates for schools."),
    ("Win a £{n} voucher", "Take our 5-minute survey about AI in schools for a chance to win a £{n} voucher."),
    ("New podcast episode: {t}", "Listen to the latest episode of our podcast on {t}."),
    ("CPD course: {t}", "Our accredited CPD course on {t} starts next month. Register now and save 20%."),
]
TOPICS = ["AI and assessment", "safeguarding in the age of AI", "avoiding a data breach with AI", "AI for busy SENCOs",
          "writing reports faster with AI", "AI literacy for pupils", "choosing GDPR-compliant AI tools", "AI and workload"]
for i in range(58):
    v = pick(VENDORS)
    s, b = pick(PROMOS)
    vals = dict(t=pick(TOPICS), n=pick([10, 20, 25, 40, 50, 100, 250]), v=v.title(), m=pick(["October", "November", "December", "Spring"]), y=pick([2026, 2027]))
    headers = {"List-Unsubscribe": f"<https://mail.{v}.example/unsubscribe/{rnd.randint(100, 999)}>", "Precedence": "bulk"}
    if rnd.random() < 0.5: headers["X-Microsoft-Antispam"] = f"BCL:{rnd.randint(1, 8)};"
    if rnd.random() < 0.2: headers = {"List-Unsubscribe": headers["List-Unsubscribe"]}
    body = (f"{pick(['Hi there,', 'Dear educator,', 'Hello!', 'Hi {first_name},'.replace('{first_name}', pick(FIRST))])}\n\n{b.format(**vals)}\n\n"
            f"{pick(['Trusted by over 2,000 schools.', 'Used by teachers across the UK.', 'GDPR compliant and hosted in the UK.', ''])}\n\n"
            f"The {v.title()} team\n\nYou are receiving this because you signed up at {v}.example. Unsubscribe | Manage preferences")
    add("marketing", f"{pick(['news', 'hello', 'events', 'offers', 'updates', 'marketing', 'team'])}@{v}.example", s.format(**vals), body, headers)
for i in range(16):  # cold sales, no bulk headers
    v = pick(VENDORS)
    f, l = name()
    rf, rl = name()
    body = letter(f, l, f"Hi {rf},", f"I noticed your trust is {pick(['reviewing its AI policy', 'growing', 'hiring', 'looking at AI tools'])}. "
                  f"{v.title()} helps schools {pick(['cut marking time in half', 'write reports in minutes', 'stay GDPR compliant with AI', 'buy AI licences at education pricing'])}.",
                  pick(["Would you be open to a quick 15-minute call next week?", "Can I send over a short demo video?", "Just following up on my last email - is this something you'd be interested in?"]))
    add("marketing", f"{f.lower()}.{l.lower()}@{v}.example", pick(["Quick question", "Following up", f"{v.title()} for your trust", "Re: Quick question", "15 minutes?", "Saving your teachers time"]), body)

# ---------------------------------------------------------------- other
for i in range(12):
    f, l = name()
    hdr = {"Auto-Submitted": "auto-replied"}
    if rnd.random() < 0.5: hdr["X-Auto-Response-Suppress"] = "All"
    add("other", staff_from(f, l), pick(["Automatic reply: ", "Out of Office: ", "Auto-reply: "]) + pick(["Your AI tool request", f"[{ref()}] Update", "AI policy", "Request received"]),
        f"I am out of the office until {rnd.randint(1, 28)} {pick(['November', 'December', 'January'])} with limited access to email. "
        f"For urgent matters please contact {pick(['the school office', 'my deputy', 'reception'])}.\n\n{f} {l}", hdr)
for i in range(8):
    add("other", pick(["MAILER-DAEMON@trust.example", "postmaster@trust.example"]), pick(["Undeliverable: ", "Delivery Status Notification (Failure): ", "Delivery delayed: "]) + pick([f"[{ref()}] Your request", "AI policy update", "Triage acknowledgement"]),
        f"Your message to {pick(FIRST).lower()}@{pick(SCHOOLS)}.example couldn't be delivered. The recipient's mailbox is full or no longer exists.\n\nRemote server returned '550 5.1.1 User unknown'",
        {"Auto-Submitted": "auto-replied", "Content-Type": "multipart/report; report-type=delivery-status"} if rnd.random() < 0.7 else {"Content-Type": "multipart/report; report-type=delivery-status"})
for i in range(12):
    f, l = name()
    if rnd.random() < 0.5:
        add("other", parent_from(f, l), pick(["Subject Access Request", "SAR", "Request for my personal data", "Data request"]),
            letter(f, l, f"Under UK GDPR I would like a copy of all the personal data you hold about {pick(['me', 'my son', 'my daughter'])}, including emails and notes.",
                   pick([f"My date of birth and address are on file; my postcode is {postcode()}.", "Please confirm you have received this request.", ""])))
    else:
        add("other", parent_from(f, l), pick(["FOI request", "Freedom of Information request", "FOI - AI tools", "Information request under FOI"]),
            letter(f, l, f"Under the Freedom of Information Act please provide {pick(['a list of AI tools your schools use', 'any DPIAs completed for AI tools', 'how much the Trust spent on AI software last year', 'your AI policy and its review history'])}.",
                   "I would prefer to receive the information by email."))
for i in range(9):
    f, l = name()
    add("other", staff_from(f, l), pick(["Suspicious email", "Is this phishing?", "Is this genuine?", "FW: Your account will be suspended", "Scam?"]),
        letter(f, l, f"I got an email {pick(['saying my Copilot licence has expired', 'asking me to log in to see a shared document', 'claiming to be from IT asking for my password', 'with an invoice attachment from a company I do not know'])}.",
               pick(["It looks like phishing to me.", "I haven't clicked anything.", "Can you check whether it is genuine?"])))
for i in range(12):
    f, l = name()
    r = ref()
    add("other", staff_from(f, l) if rnd.random() < 0.7 else parent_from(f, l), pick([f"Re: [{r}] ", f"RE: {r} ", f"Re: {r} "]) + pick(["Your request", "Outcome", "decision", "Update", ""]),
        f"{pick(['Thanks', 'Thank you', 'Great, thanks', 'Many thanks', 'Thanks very much'])} {pick(['for letting me know', 'for sorting this', 'for the quick reply', ''])}.\n\n{f}\n\n"
        f"On {rnd.randint(1, 28)} Nov 2026, AiPolicyBot wrote:\n> Your request {r} has been updated.")
for i in range(10):
    f, l = name()
    s, b = pick([
        (f"Accepted: {pick(['AI Steering Group', 'DPO catch-up', 'Policy review meeting'])}", ""),
        (f"Read: {pick(['Request to use', 'Approval for', 'Question about'])} {pick(UNKNOWN)}", "Your message was read on " + f"{rnd.randint(1, 28)} November 2026."),
        ("Payroll question", "Hi, my payslip this month looks wrong - who should I speak to?"),
        ("Room booking", "Can I book the training room for Thursday afternoon?"),
        ("Parking permits", "Are the new parking permits ready to collect from reception?"),
        ("Lost property", "Has anyone handed in a blue water bottle from the staff meeting?"),
        ("Printer not working", "The printer on the second floor is jammed again."),
    ])
    hdr = {"Auto-Submitted": "auto-generated"} if s.startswith("Read:") else {}
    add("other", staff_from(f, l), s, letter(f, l, b) if b else "", hdr)
for i in range(6):
    add("other", pick(["noreply@trust.example", "no-reply@" + pick(SCHOOLS) + ".example"]), pick(["Thank you for contacting us", "We have received your message", "This mailbox is not monitored"]),
        "Thank you for your email. This is an automated response. We aim to reply within five working days.", {"Auto-Submitted": "auto-generated"})

# ---------------------------------------------------------------- harder cases (added after the first evaluation; see docs)
PD_QUESTIONS = [
    "If I only use initials instead of names, does that still count as personal data under the policy?",
    "Would a description like 'a girl in my class with dyslexia' count as personal data?",
    "Is it okay to put anonymised assessment data (no names, just SEN flags) into an approved tool?",
    "If I remove the names from a spreadsheet but keep dates of birth, is it still personal data?",
    "What information about pupils is shared with the companies behind the AI tools you use?",
    "Are parents' email addresses personal data for the purposes of the AI policy?",
]
GUIDE_QUESTIONS = [
    "What's the guidance on using AI-generated pictures in lesson slides? I'm only making pictures of volcanoes.",
    "Do I have to say anywhere that I used AI to help draft my lesson plans?",
    "Where should I record that AI helped with a piece of writing?",
    "Is there any guidance on how pupils should reference AI in their work?",
    "What is the Trust's position on staff using AI to write emails?",
    "Is there a template for telling parents we use AI in the classroom?",
]
PARENT_QUESTIONS = [
    "Could you tell me whether the school uses AI to mark homework, and what information about my child it uses?",
    "Are pupils allowed to use AI for their homework? Is there a policy I can read?",
    "My son mentioned a chatbot in lessons. Which AI tools does the school use with pupils?",
    "Does the school have a policy on AI that parents can see?",
    "Will my daughter's data be used to train any AI systems the school uses?",
]
for i in range(36):
    f, l = name()
    group = pick([PD_QUESTIONS, GUIDE_QUESTIONS, PARENT_QUESTIONS])
    frm = parent_from(f, l) if group is PARENT_QUESTIONS else staff_from(f, l)
    subj = pick(["Quick question", "Question about the AI policy", "Personal data?", "Guidance please", "AI question",
                 "Policy query", "Query", "A question about AI", "AI and pupils' information", "Homework and AI"])
    add("question", frm, subj, letter(f, l, pick(group), pick(["", "I want to get this right.", "Thanks for your help.", ""])))
for i in range(18):
    f, l = name()
    feature = pick(["our MIS supplier", "the safeguarding system supplier", "our HR system", "the assessment platform we already use", "a supplier"])
    data = pick(["safeguarding records", "SEN and health information", "staff absence data", "pupils' assessment records", "family circumstances"])
    add("toolRequest", staff_from(f, l), pick(["Request to switch on an AI feature", "Approval needed - AI feature", f"AI feature from {feature}", "New AI feature - approval?", "Before we go further"]),
        letter(f, l, f"{feature[0].upper() + feature[1:]} has released an AI feature that works on {data}.",
               "I am writing before we turn it on, as the policy asks, because it would involve sensitive information.",
               pick(["I would like to request approval for a small group of staff.", "What do you need from us for the approval?", "Please can we have approval to use it, with every output checked by a person?"])))
for i in range(12):
    f, l = name()
    v = pick(VENDORS)
    tool = pick(UNKNOWN)
    add("toolRequest", staff_from(f, l), f"FW: {pick(['Save hours with', 'Introducing', 'Try'])} {tool}",
        f"{pick(['Can we get this?', 'Could we use this with my class?', 'Is this something we could try?', 'Can I sign up for this?'])} {pick(['Looks really useful.', 'It would save me loads of time.', ''])}\n\n{f}\n\n"
        f"---------- Forwarded message ---------\nFrom: {pick(FIRST)} at {v.title()} <hello@{v}.example>\nSubject: Introducing {tool}\n\n"
        f"Hi {f},\n\n{tool} {pick(['writes your reports', 'marks quizzes', 'turns photos into observations', 'plans your lessons'])} in seconds. Book a demo today!\n\n{v.title()}")
for i in range(10):
    v = pick(VENDORS)
    f, l = name()
    add("marketing", f"sales@{v}.example", pick(["Education pricing on AI licences", "Quote for Copilot licences", "Special pricing for schools", "Discounted AI licences"]),
        f"Dear {pick(['IT Lead', 'Business Manager', 'colleague'])},\n\n{v.title()} is an authorised reseller offering {pick(['AI assistant', 'Copilot', 'classroom AI'])} licences at discounted education rates. "
        f"{pick(['Reply to this email for a quote.', 'Prices held until the end of term.', 'Call us to discuss volume pricing.'])}\n\n{v.title()} Sales")
MISDIRECTED = [("Expenses claim", "Where do I send my mileage claim for the training day?"),
               ("Password reset", "I'm locked out of my laptop - can someone reset my password?"),
               ("Cover rota", "Who is doing the cover rota this week?"),
               ("Holiday request", "How do I request a day's leave for a family wedding?"),
               ("DBS check", "My DBS renewal is due - who handles that?"),
               ("Pension question", "Who can I ask about my pension contributions?"),
               ("Staff car park", "The barrier to the staff car park is stuck again.")]
for i in range(10):
    f, l = name()
    s2, b2 = pick(MISDIRECTED)
    add("other", staff_from(f, l), s2, letter(f, l, b2))

# ---------------------------------------------------------------- wording without the usual cue words (added after probing; see docs)
for i in range(16):
    f, l = name()
    b = pick([
        f"{pick(['The class photo', 'A list of pupils', 'The SEN register', 'Our Year 7 reading scores'])} with {pick(['full names', 'names and dates of birth', 'home addresses'])} {pick(['went up on', 'was posted on', 'got shared on'])} {pick(['our public Facebook page', 'the school website', 'a parents WhatsApp group'])} {pick(['last night', 'this morning', 'by mistake'])}.",
        f"{pick(['A colleague', 'One of the TAs', 'I'])} had {pick(['a laptop', 'a memory stick', 'a bag of marked books with names'])} {pick(['stolen from a car', 'lost on the train', 'go missing'])} and it held {pick(['SEN files', 'pupil reports', 'safeguarding notes'])}.",
        f"Our {pick(['AI chatbot', 'homework app', 'reading platform'])} supplier told us that pupils' {pick(['chats', 'answers', 'profiles'])} were visible to other schools for {pick(['two days', 'a week', 'several hours'])}.",
    ])
    add("breach", staff_from(f, l), pick(["Hello", "Something happened", "Need to tell you something", "Urgent", "Problem"]), letter(f, l, b, pick(ASK)))
for i in range(12):
    f, l = name()
    c = pick(["son", "daughter"])
    b = pick([f"Why was my {c} punished because a computer said so? Please put this right and tell me who is accountable.",
              f"My {c} lost marks because of an AI checker. Nobody listened to us. We want this corrected.",
              f"The AI system got my {c}'s set wrong and nobody has done anything about it. I want this sorted out and an explanation.",
              f"It is not fair that my {c} was sanctioned by an automated system. I expect the school to put this right."])
    add("complaint", parent_from(f, l), pick(["Hello", "My child", "AI decision", "Not fair", "Please respond"]), letter(f, l, b))
for i in range(10):
    v = pick(VENDORS)
    f, l = name()
    add("marketing", f"{f.lower()}@{v}.example", pick(["Hello", "Checking in", "Did you get my note?", "Quick follow-up"]),
        letter(f, l, pick([f"Just checking you got my note about {v.title()}'s AI {pick(['timetabling', 'reporting', 'marking', 'cover planning'])} tool.",
                           f"Following up on my previous email about {v.title()}."]),
               pick(["Happy to set up a call at a time that suits you.", "Would a short demo be useful?", "Let me know if now isn't a good time."])))
for i in range(6):
    f, l = name()
    add("other", parent_from(f, l), pick(["Unsubscribe", "Remove me", "Hello"]), letter(f, l, pick(["Please remove me from this mailing list.", "Please stop sending me these emails.", "I think I've been added to this list by mistake."])))

rnd.shuffle(rows)
for r in rows:
    print(json.dumps(r, ensure_ascii=False))
