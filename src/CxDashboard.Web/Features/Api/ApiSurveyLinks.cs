using System.Text.Json;
using CxDashboard.Web.Features.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Features.Api;

public sealed record SurveyLinksRequest(IReadOnlyList<string?>? ContactIds, string? Language);

/// <summary>
/// One contact's link as the SMS/e-mail system needs it: url only for a link made now (status created; a link cannot
/// be read again, only its hash is kept); expiresAt also for an open link made before (existing); neither when answered.
/// </summary>
public sealed record SurveyLinkItem(string ContactId, string Status, string? Url, DateTime? ExpiresAt);

public sealed record SurveyLinksResponse(string Language, int ExpiryDays, IReadOnlyList<SurveyLinkItem> Links);

/// <summary>POST /api/v1/survey-links: post-contact survey links for a batch of contacts (write scope).</summary>
public static class ApiSurveyLinks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapSurveyLinks(this RouteGroupBuilder write) =>
        write.MapPost("/survey-links", CreateAsync)
            .WithName("PostSurveyLinks")
            .WithSummary("Create hosted-survey links for contacts")
            .WithDescription("Body: { \"contactIds\": [\"K1\", …], \"language\": \"sv\" | \"en\" }. Answers one entry per contact (in the order given, duplicates once): a new link (status created, with its url), no new link when the contact has an open one (existing: its expiry, no url, since only a hash of each link is kept), or none when its survey was answered (answered). Links are single use and expire after Surveys:ExpiryDays. An unknown contact id gets 422 and no link is created; 503 when App:PublicBaseUrl (or AllowedHosts) is not set.")
            .Accepts<SurveyLinksRequest>("application/json")
            .Produces<SurveyLinksResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<SurveyLinksResponse>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, SurveyInvitationService invitations, PublicLinks links, IOptionsSnapshot<ApiOptions> options, CancellationToken ct)
    {
        var (document, problem) = await ApiJsonBody.ReadAsync(request, options.Value, ct);
        if (problem is not null) return problem;
        SurveyLinksRequest? body;
        using (document)
        {
            try
            {
                body = document!.RootElement.ValueKind == JsonValueKind.Object ? document.Deserialize<SurveyLinksRequest>(Json) : null;
            }
            catch (JsonException)
            {
                body = null;
            }
        }
        if (body?.ContactIds is not { Count: > 0 } contactIds)
            return ApiProblems.BadRequest("Send an object with a non-empty contactIds array of strings, e.g. { \"contactIds\": [\"K1\", \"K2\"], \"language\": \"sv\" }.");
        if (body.Language is not (null or "sv" or "en"))
            return ApiProblems.BadRequest($"language must be sv or en, not '{body.Language}'.");
        if (contactIds.Count > options.Value.MaxRecordsPerRequest)
            return ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, "Too many contacts",
                $"The batch has {contactIds.Count:#,0} contact ids; at most {options.Value.MaxRecordsPerRequest:#,0} per request.");

        if (!links.CanMakeLinks(request))
            return ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, "Survey links cannot be made", PublicLinks.NotConfigured);

        var language = body.Language ?? "sv";
        var batch = await invitations.CreatePostContactLinksAsync(contactIds, language, ct);
        if (!batch.Succeeded)
        {
            return ApiProblems.Create(StatusCodes.Status422UnprocessableEntity, "Some contact ids are invalid",
                $"{batch.Errors.Count} of {contactIds.Count} contact ids cannot get a link; no link was created.",
                new Dictionary<string, object?>
                {
                    ["errors"] = batch.Errors.Select(e => new ApiRecordError(e.Index, "contactIds", e.Message)).ToList(),
                });
        }
        return TypedResults.Ok(new SurveyLinksResponse(language, invitations.ExpiryDays,
            batch.Links.Select(l => ToItem(l, links, request)).ToList()));
    }

    public static SurveyLinkItem ToItem(SurveyLink link, PublicLinks links, HttpRequest? request) => new(
        link.ContactId,
        SurveyLinkStatusCode(link.Status),
        link.Path is null ? null : links.Absolute(link.Path, request),
        link.ExpiresAtUtc);

    public static string SurveyLinkStatusCode(SurveyLinkStatus status) => status switch
    {
        SurveyLinkStatus.Created => "created",
        SurveyLinkStatus.Existing => "existing",
        _ => "answered",
    };
}
