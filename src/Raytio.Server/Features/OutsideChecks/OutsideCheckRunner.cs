using System.Text.Json.Nodes;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Features.OutsideChecks;

/// <summary>
/// What every outside check does around its provider call (docs/BILLING.md, "Metering"): the
/// caller must be a member of the organisation it names (404 organization_not_found otherwise);
/// the check is charged before the call (402 insufficient_credit) and refunded when the provider
/// fails, which answers 502 provider_failed naming the provider (the vendor's body is never
/// passed on), or refuses the check with an <see cref="ApiException"/> (a limit reached, an
/// unknown verification), which passes on unchanged. Every outcome, failures and refusals
/// included, is written to the audit trail with the charge.
/// </summary>
public sealed class OutsideCheckRunner(OrganizationAccess access, MeteredCall metered, AuditTrail audit, RaytioDbContext db)
{
    public const string ProviderFailed = "provider_failed";

    /// <summary>
    /// Runs <paramref name="call"/> for <paramref name="check"/>; <paramref name="outcome"/> names its answer for the audit trail
    /// (e.g. found, not_found) and <paramref name="describe"/>, when given, adds the answer's ids to the audit details.
    /// </summary>
    public Task<T> RunAsync<T>(OutsideCheck check, string provider, Func<CancellationToken, Task<T>> call, Func<T, string> outcome, CancellationToken cancellationToken,
        Action<T, JsonObject>? describe = null) =>
        RunAsync(check, provider, (_, ct) => call(ct), outcome, cancellationToken, describe);

    /// <summary>
    /// As above, handing <paramref name="call"/> the organisation whose membership was checked (null without `org_id`),
    /// for a check that keeps what it makes as the organisation's.
    /// </summary>
    public async Task<T> RunAsync<T>(OutsideCheck check, string provider, Func<Guid?, CancellationToken, Task<T>> call, Func<T, string> outcome, CancellationToken cancellationToken,
        Action<T, JsonObject>? describe = null) =>
        await RunForAsync(check, await OrganizationAsync(check, cancellationToken), provider, call, outcome, cancellationToken, describe);

    /// <summary>The organisation the check's `org_id` names, its caller's membership checked (404 organization_not_found otherwise); null without `org_id`.</summary>
    public async Task<Guid?> OrganizationAsync(OutsideCheck check, CancellationToken cancellationToken) =>
        check.OrgId is null ? null : (await access.ReadAsync(check.Caller, check.OrgId, cancellationToken)).Organization.Id;

    /// <summary>As above, for a check whose organisation was read with <see cref="OrganizationAsync"/> before (for a step its call needs first).</summary>
    public async Task<T> RunForAsync<T>(OutsideCheck check, Guid? organization, string provider, Func<Guid?, CancellationToken, Task<T>> call, Func<T, string> outcome,
        CancellationToken cancellationToken, Action<T, JsonObject>? describe = null)
    {
        var details = Details(check, provider, organization);
        var charged = false;
        T answer;
        try
        {
            answer = await metered.RunAsync(
                organization, check.MeteredCheck, $"chk_{Guid.NewGuid():N}",
                (charge, ct) =>
                {
                    charged = true;
                    details["charge_id"] = charge.Id;
                    details["settlement"] = charge.Settlement.ToString();
                    return call(organization, ct);
                },
                failure => failure is ProviderFailedException or ApiException,
                (failure, refunded) =>
                {
                    if (details["charge_id"] is not null)
                    {
                        details["refunded"] = refunded;
                    }
                    return AnswerFailureAsync(check, organization, details, failure);
                },
                cancellationToken);
        }
        catch (ApiException refused) when (!charged && refused.Code == CreditMeter.InsufficientCredit)
        {
            await RecordAsync(check, organization, details, "insufficient_credit", cancellationToken);
            throw;
        }
        describe?.Invoke(answer, details);
        await RecordAsync(check, organization, details, outcome(answer), cancellationToken);
        return answer;
    }

    /// <summary>
    /// For a check that fails before it is charged, in a step its provider call needs first (such as
    /// renewing an access token): audits the failure as <see cref="RunAsync"/> audits its own, and
    /// returns what to throw: a refusal (<see cref="ApiException"/>) unchanged, a
    /// <see cref="ProviderFailedException"/> as the 502.
    /// </summary>
    public Task<Exception> FailedBeforeChargeAsync(OutsideCheck check, string provider, Guid? organization, Exception failure) =>
        AnswerFailureAsync(check, organization, Details(check, provider, organization), failure);

    /// <summary>The 502 answering a provider's failure: the provider and our reason, never the vendor's body; <paramref name="nothingDone"/> says what did not happen.</summary>
    public static ApiException ProviderFailure(ProviderFailedException failure, string nothingDone = "Nothing was charged") =>
        new(StatusCodes.Status502BadGateway, ProviderFailed, $"The {failure.Provider} {failure.Reason}. {nothingDone}; try again later.");

    private static JsonObject Details(OutsideCheck check, string provider, Guid? organization)
    {
        var details = (JsonObject)check.AuditDetails.DeepClone();
        details["check"] = check.MeteredCheck;
        details["provider"] = provider;
        details["org_id"] = organization?.ToString();
        return details;
    }

    /// <summary>Audits a refusal or a provider's failure (even when the caller has gone away) and makes the answer to throw.</summary>
    private async Task<Exception> AnswerFailureAsync(OutsideCheck check, Guid? organization, JsonObject details, Exception failure)
    {
        if (failure is ApiException refused)
        {
            await RecordAsync(check, organization, details, refused.Code, CancellationToken.None);
            return refused;
        }
        var provider = (ProviderFailedException)failure;
        details["reason"] = provider.Reason;
        await RecordAsync(check, organization, details, ProviderFailed, CancellationToken.None);
        return ProviderFailure(provider);
    }

    private async Task RecordAsync(OutsideCheck check, Guid? organization, JsonObject details, string outcome, CancellationToken cancellationToken)
    {
        details["outcome"] = outcome;
        audit.Record(check.AuditEvent, check.Caller, organization ?? check.Caller, details);
        await db.SaveChangesAsync(cancellationToken);
    }
}
