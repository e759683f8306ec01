using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>Worklist URLs: the filter lives in the query string, so a view can be bookmarked and shared.</summary>
public static class WorklistLinks
{
    public static string For(WorklistFilter filter)
    {
        var query = new Dictionary<string, string?>();
        if (filter.StatusKey != WorklistFilter.Open) query["status"] = filter.StatusKey;
        if (filter.Team is { } team) query["team"] = team.ToString(CultureInfo.InvariantCulture);
        if (filter.Reason is { } reason) query["reason"] = reason.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(filter.Assignee)) query["assignee"] = filter.Assignee;
        if (filter.Mine) query["mine"] = "true";
        if (!string.IsNullOrWhiteSpace(filter.Search)) query["q"] = filter.Search;
        if (filter.Page > 1) query["p"] = filter.Page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/Callbacks", query);
    }
}
