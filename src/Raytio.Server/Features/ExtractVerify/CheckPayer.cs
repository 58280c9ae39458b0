using System.Text.Json;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// Who pays for a check of operations 102 and 106: the organisation a request names with `org_id`
/// (the caller must be a member: 404 otherwise, as for an unknown id), metered with
/// <see cref="MeteredCall"/>; nobody (not metered) when it names none.
/// </summary>
public sealed class CheckPayer(OrganizationAccess organizations, MeteredCall metered)
{
    public const string OrgIdField = "org_id";

    /// <summary>The organisation the body's `org_id` names, or null; 400 when malformed, 404 when the caller is not a member.</summary>
    public async Task<Guid?> OrganizationAsync(Guid caller, JsonElement body, CancellationToken cancellationToken)
    {
        if (!body.TryGetProperty(OrgIdField, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw ApiException.Invalid(OrgIdField, $"'{OrgIdField}' must be the org_id of an organisation you are a member of.");
        }
        GraphIds.Parse(OrgIdField, value.GetString());
        return (await organizations.ReadAsync(caller, value.GetString()!, cancellationToken)).Organization.Id;
    }

    /// <summary>
    /// Charges the check before <paramref name="work"/> asks its provider (402 `insufficient_credit`;
    /// not metered without an organisation) and gives it back when the work fails with
    /// <typeparamref name="TFailure"/>, answering what <paramref name="failed"/> makes of it.
    /// </summary>
    public Task<T> RunAsync<T, TFailure>(
        Guid? organization, string check, string reference, Func<CancellationToken, Task<T>> work, Func<TFailure, Exception> failed, CancellationToken cancellationToken)
        where TFailure : Exception =>
        metered.RunAsync(organization, check, reference, work, failed, cancellationToken);
}
