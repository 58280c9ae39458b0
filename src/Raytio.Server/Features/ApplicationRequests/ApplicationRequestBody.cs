using System.Text.Json.Serialization;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>
/// The body of operations 13 and 15. Creating requires email, page_link and source; a PATCH
/// changes only the fields it carries (null or absent: unchanged; an empty a_id or aa_name
/// clears it). Other fields (an answer sent back: request_short_code, owner, ...) are ignored.
/// </summary>
public sealed record ApplicationRequestBody(
    string? Email = null,
    [property: JsonPropertyName("page_link")] string? PageLink = null,
    string? Source = null,
    [property: JsonPropertyName("a_id")] string? AId = null,
    [property: JsonPropertyName("aa_name")] string? AaName = null,
    string? State = null)
{
    /// <summary>Room for the reference's page links, which carry their form description in the query.</summary>
    public const int MaxPageLinkLength = 8192;
    public const int MaxSourceLength = 2048;
    public const int MaxAIdLength = 64;
    public const int MaxAaNameLength = 200;

    public CheckedApplicationRequest CheckCreate()
    {
        var validation = new Validation();
        var email = EmailAddresses.Check(validation, "email", Email);
        var pageLink = HttpUrls.Check(validation, "page_link", PageLink, MaxPageLinkLength);
        var source = CheckSource(validation, Source);
        var aId = CheckAId(validation);
        var aaName = CheckAaName(validation);
        validation.ThrowIfAny();
        return new CheckedApplicationRequest(email, pageLink, source, aId, aaName);
    }

    public CheckedApplicationRequestPatch CheckPatch()
    {
        var validation = new Validation();
        var email = Email is null ? null : EmailAddresses.Check(validation, "email", Email);
        var pageLink = PageLink is null ? null : HttpUrls.Check(validation, "page_link", PageLink, MaxPageLinkLength);
        var source = Source is null ? null : CheckSource(validation, Source);
        var aId = AId is null ? null : new Replacement(CheckAId(validation));
        var aaName = AaName is null ? null : new Replacement(CheckAaName(validation));
        var state = State is null ? null : CheckState(validation, State);
        validation.ThrowIfAny();
        return new CheckedApplicationRequestPatch(email, pageLink, source, aId, aaName, state);
    }

    private static string CheckSource(Validation validation, string? source)
    {
        var trimmed = source?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            validation.Add("source", "'source' is required.");
        }
        else if (trimmed.Length > MaxSourceLength)
        {
            validation.Add("source", $"'source' must be at most {MaxSourceLength} characters.");
        }
        return trimmed ?? "";
    }

    /// <summary>Kept as given (the sharing issue validates it against the organisation's applications).</summary>
    private string? CheckAId(Validation validation)
    {
        if (string.IsNullOrEmpty(AId))
        {
            return null;
        }
        if (AId.Length > MaxAIdLength || string.IsNullOrWhiteSpace(AId))
        {
            validation.Add("a_id", $"'a_id' must be an access application id of at most {MaxAIdLength} characters.");
        }
        return AId;
    }

    private string? CheckAaName(Validation validation)
    {
        var trimmed = AaName?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length > MaxAaNameLength)
        {
            validation.Add("aa_name", $"'aa_name' must be at most {MaxAaNameLength} characters.");
        }
        return trimmed;
    }

    private static string? CheckState(Validation validation, string state)
    {
        switch (state)
        {
            case ApplicationRequestStates.Sent or ApplicationRequestStates.Resend or ApplicationRequestStates.Deleted:
                return state;
            case ApplicationRequestStates.Complete:
                validation.Add("state", "'state' becomes 'complete' only when the person shares data with the request's short code.");
                return null;
            default:
                validation.Add("state", "'state' must be one of 'sent', 'resend' or 'deleted'.");
                return null;
        }
    }
}

/// <summary>A checked create body: the email normalized, page_link, source and aa_name trimmed.</summary>
public sealed record CheckedApplicationRequest(string Email, string PageLink, string Source, string? AId, string? AaName);

/// <summary>A checked PATCH body: null means unchanged.</summary>
public sealed record CheckedApplicationRequestPatch(string? Email, string? PageLink, string? Source, Replacement? AId, Replacement? AaName, string? State);

/// <summary>A new value for an optional field (null clears it).</summary>
public sealed record Replacement(string? Value);
