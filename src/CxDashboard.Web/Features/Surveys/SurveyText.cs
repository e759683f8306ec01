using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Surveys;

/// <summary>
/// The words of the public survey and pulse pages in Swedish (the default) and English. Kept as code rather than
/// resource files so each language is checked complete by the compiler; channel names come from the vocabulary.
/// </summary>
public sealed record SurveyText
{
    public required string Language { get; init; }
    public required string OtherLanguage { get; init; }
    public required string SwitchLanguage { get; init; }
    public required string Culture { get; init; }

    // The post-contact survey
    public required string SurveyTitle { get; init; }
    public required Func<string, string, string, string> AboutContact { get; init; }
    public required string AboutFollowUp { get; init; }
    public required string CsatQuestion { get; init; }
    public required string FollowUpCsatQuestion { get; init; }
    public required IReadOnlyList<string> CsatLabels { get; init; }
    public required string ResolvedQuestion { get; init; }
    public required string FollowUpResolvedQuestion { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string NpsQuestion { get; init; }
    public required string NpsHint { get; init; }
    public required string CommentLabel { get; init; }
    public required string CommentHint { get; init; }
    public required string Optional { get; init; }
    public required string Required { get; init; }
    public required string Send { get; init; }
    public required string ErrorSummary { get; init; }
    public required string CsatMissing { get; init; }
    public required string ResolvedMissing { get; init; }
    public required string NpsOutOfRange { get; init; }
    public required string CommentTooLong { get; init; }
    public required string ThanksTitle { get; init; }
    public required string ThanksBody { get; init; }
    public required string AnsweredTitle { get; init; }
    public required string AnsweredBody { get; init; }
    public required string ExpiredTitle { get; init; }
    public required Func<string, string> ExpiredBody { get; init; }
    public required string UnknownTitle { get; init; }
    public required string UnknownBody { get; init; }
    public required string PrivacyNote { get; init; }

    // The engagement pulse
    public required Func<string, string, string> PulseTitle { get; init; }
    public required string PulseIntro { get; init; }
    public required string PulseAnonymity { get; init; }
    public required string PulseStatementsLegend { get; init; }
    public required IReadOnlyList<string> AgreementLabels { get; init; }
    public required string EnpsQuestion { get; init; }
    public required string EnpsHint { get; init; }
    public required string PulseNothingAnswered { get; init; }
    public required string PulseThanksBody { get; init; }
    public required string PulseAlreadyTitle { get; init; }
    public required string PulseAlreadyBody { get; init; }
    public required string PulseUnknownBody { get; init; }
    public required string PulseFullTitle { get; init; }
    public required string PulseFullBody { get; init; }
    public required string PulseBusyTitle { get; init; }
    public required string PulseBusyBody { get; init; }

    public required Func<Channel, string> ChannelName { get; init; }

    public static readonly SurveyText Swedish = new()
    {
        Language = "sv",
        OtherLanguage = "en",
        SwitchLanguage = "In English",
        Culture = "sv-SE",
        SurveyTitle = "Vad tyckte du om kontakten?",
        AboutContact = (organisation, date, channel) => $"Frågorna gäller din kontakt med {organisation} den {date} ({channel}).",
        AboutFollowUp = "Vi har ringt upp dig om ditt ärende. Berätta gärna hur det blev.",
        CsatQuestion = "Hur nöjd är du med din kontakt med oss?",
        FollowUpCsatQuestion = "Hur nöjd är du med hur vi tog hand om ditt ärende när vi ringde upp dig?",
        CsatLabels = ["Mycket missnöjd", "Missnöjd", "Varken nöjd eller missnöjd", "Nöjd", "Mycket nöjd"],
        ResolvedQuestion = "Blev ditt ärende löst i den här kontakten?",
        FollowUpResolvedQuestion = "Är ditt ärende löst nu?",
        Yes = "Ja",
        No = "Nej",
        NpsQuestion = "Hur troligt är det att du skulle rekommendera oss till en vän eller kollega?",
        NpsHint = "0 = inte alls troligt, 10 = mycket troligt.",
        CommentLabel = "Vill du berätta mer?",
        CommentHint = "Skriv inte personnummer, kortnummer eller lösenord här.",
        Optional = "frivilligt",
        Required = "obligatorisk",
        Send = "Skicka svar",
        ErrorSummary = "Svaret är inte skickat ännu. Rätta det här:",
        CsatMissing = "Välj hur nöjd du är, 1 till 5.",
        ResolvedMissing = "Svara ja eller nej på om ärendet blev löst.",
        NpsOutOfRange = "Välj ett värde från 0 till 10, eller lämna frågan.",
        CommentTooLong = "Kommentaren får vara högst 4 000 tecken.",
        ThanksTitle = "Tack för ditt svar!",
        ThanksBody = "Dina svar hjälper oss att bli bättre. Du kan stänga sidan nu.",
        AnsweredTitle = "Enkäten är redan besvarad",
        AnsweredBody = "Tack! Vi har redan fått ett svar via den här länken, och varje länk kan bara användas en gång.",
        ExpiredTitle = "Länken har gått ut",
        ExpiredBody = date => $"Enkäten gick att besvara till och med {date}. Tack ändå för att du ville svara!",
        UnknownTitle = "Vi hittar ingen enkät för den här länken",
        UnknownBody = "Kontrollera att hela länken kom med, till exempel om du kopierade den från ett sms eller e-postmeddelande.",
        PrivacyNote = "Ditt svar kopplas till kontakten så att vi kan följa upp den. Vi använder det för att förbättra vår kundservice.",
        PulseTitle = (team, month) => $"Pulsmätning för {team}, {month}",
        PulseIntro = "Hur är det att arbeta här just nu? Det tar ungefär två minuter.",
        PulseAnonymity = "Dina svar är anonyma: vi sparar inte vem du är, inte din IP-adress och inte när du svarade, bara månaden. Teamets resultat visas när månaden är slut, och bara om minst 5 har svarat.",
        PulseStatementsLegend = "Hur väl stämmer påståendena? Hoppa över det du inte vill svara på.",
        AgreementLabels = ["Stämmer inte alls", "Stämmer dåligt", "Varken eller", "Stämmer ganska bra", "Stämmer helt"],
        EnpsQuestion = "Hur troligt är det att du skulle rekommendera din arbetsplats till en vän?",
        EnpsHint = "0 = inte alls troligt, 10 = mycket troligt.",
        PulseNothingAnswered = "Svara på minst ett av påståendena innan du skickar.",
        PulseThanksBody = "Tack! Ditt svar är sparat anonymt. Resultatet visas när månaden är slut, om minst 5 har svarat.",
        PulseAlreadyTitle = "Du har redan svarat den här månaden",
        PulseAlreadyBody = "Tack! Den här webbläsaren har redan skickat ett svar för teamet den här månaden. Nästa pulsmätning öppnar nästa månad.",
        PulseUnknownBody = "Länken kan ha bytts ut. Be din chef om teamets nya länk.",
        PulseFullTitle = "Pulsmätningen har fått alla svar för den här månaden",
        PulseFullBody = "Teamet har redan lika många svar som det har medlemmar. Har du inte svarat? Säg till din chef, så kan länken bytas ut. Nästa pulsmätning öppnar nästa månad.",
        PulseBusyTitle = "Många svar från ditt nätverk just nu",
        PulseBusyBody = "Vi tar emot ett begränsat antal svar i timmen från samma nätverk. Försök igen om en stund.",
        ChannelName = channel => Vocabulary.For("sv-SE").ChannelInSentence(channel),
    };

    public static readonly SurveyText English = new()
    {
        Language = "en",
        OtherLanguage = "sv",
        SwitchLanguage = "På svenska",
        Culture = "en-GB",
        SurveyTitle = "How was your contact with us?",
        AboutContact = (organisation, date, channel) => $"These questions are about your contact with {organisation} on {date} ({channel}).",
        AboutFollowUp = "We called you back about your case. Please tell us how it went.",
        CsatQuestion = "How satisfied are you with your contact with us?",
        FollowUpCsatQuestion = "How satisfied are you with how we handled your case when we called you back?",
        CsatLabels = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"],
        ResolvedQuestion = "Was your issue resolved in this contact?",
        FollowUpResolvedQuestion = "Is your issue resolved now?",
        Yes = "Yes",
        No = "No",
        NpsQuestion = "How likely are you to recommend us to a friend or colleague?",
        NpsHint = "0 = not at all likely, 10 = extremely likely.",
        CommentLabel = "Would you like to tell us more?",
        CommentHint = "Please do not write personal identity numbers, card numbers or passwords here.",
        Optional = "optional",
        Required = "required",
        Send = "Send answer",
        ErrorSummary = "Your answer has not been sent yet. Please fix this:",
        CsatMissing = "Choose how satisfied you are, 1 to 5.",
        ResolvedMissing = "Answer yes or no to whether your issue was resolved.",
        NpsOutOfRange = "Choose a value from 0 to 10, or leave the question.",
        CommentTooLong = "The comment can be at most 4,000 characters.",
        ThanksTitle = "Thank you for your answer!",
        ThanksBody = "Your answers help us improve. You can close this page now.",
        AnsweredTitle = "This survey has already been answered",
        AnsweredBody = "Thank you! We have already received an answer through this link, and each link can be used only once.",
        ExpiredTitle = "This link has expired",
        ExpiredBody = date => $"The survey could be answered until {date}. Thank you for wanting to answer all the same!",
        UnknownTitle = "We cannot find a survey for this link",
        UnknownBody = "Check that the whole link came along, for example if you copied it from a text message or an e-mail.",
        PrivacyNote = "Your answer is linked to the contact so that we can follow it up. We use it to improve our customer service.",
        PulseTitle = (team, month) => $"Pulse survey for {team}, {month}",
        PulseIntro = "How is it to work here right now? It takes about two minutes.",
        PulseAnonymity = "Your answers are anonymous: we do not store who you are, your IP address or when you answered, only the month. The team's results are shown when the month has ended, and only if at least 5 people answered.",
        PulseStatementsLegend = "How well do these statements fit? Skip any you do not want to answer.",
        AgreementLabels = ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"],
        EnpsQuestion = "How likely are you to recommend your workplace to a friend?",
        EnpsHint = "0 = not at all likely, 10 = extremely likely.",
        PulseNothingAnswered = "Answer at least one of the statements before sending.",
        PulseThanksBody = "Thank you! Your answer is stored anonymously. Results are shown when the month has ended, if at least 5 have answered.",
        PulseAlreadyTitle = "You have already answered this month",
        PulseAlreadyBody = "Thank you! This browser has already sent an answer for the team this month. The next pulse opens next month.",
        PulseUnknownBody = "The link may have been replaced. Ask your manager for the team's new link.",
        PulseFullTitle = "The pulse has all its answers for this month",
        PulseFullBody = "The team already has as many answers as it has members. Have you not answered? Tell your manager, who can replace the link. The next pulse opens next month.",
        PulseBusyTitle = "Many answers from your network right now",
        PulseBusyBody = "We take a limited number of answers an hour from one network. Please try again in a while.",
        ChannelName = channel => Vocabulary.For("en-GB").ChannelInSentence(channel),
    };

    /// <summary>The texts for a language code; Swedish unless English is asked for.</summary>
    public static SurveyText For(string? language) => SurveyInvitationService.NormaliseLanguage(language) == "en" ? English : Swedish;
}
