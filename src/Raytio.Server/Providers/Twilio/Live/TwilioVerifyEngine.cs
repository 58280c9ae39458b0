using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Twilio.Storage;

namespace Raytio.Server.Providers.Twilio.Live;

/// <summary>
/// Delegates to Twilio Verify v2 (shared/providers/twilio): `POST /v2/Services/{ServiceSid}/Verifications`
/// (`To`, `Channel`) and `POST /v2/Services/{ServiceSid}/VerificationCheck` (`VerificationSid`, `Code`),
/// form-encoded, with HTTP Basic auth (account SID, auth token). Twilio makes, sends, limits and
/// checks the codes; the row kept here says who started which verification, so only its owner
/// may check it. Twilio shares one pending verification per destination, so a send while another
/// owner's is pending is refused (409 destination_busy). Twilio's 60202, 60203 and 20404 become our 429s and 404; any other failure is a
/// <see cref="ProviderFailedException"/> (502 naming Twilio, its body never passed on).
/// </summary>
public sealed class TwilioVerifyEngine(IHttpClientFactory clients, IOptions<TwilioOptions> options, RaytioDbContext db, TimeProvider time) : IOneTimeCodeEngine
{
    public const string HttpClientName = "twilio-verify";

    public string Name => "Twilio Verify (live)";

    public int CodeLength => options.Value.Live.CodeLength;

    public async Task<VerificationAnswer> StartAsync(VerificationStart start, CancellationToken cancellationToken)
    {
        await RefuseOtherOwnersPendingAsync(start, time.UtcNowInMicroseconds(), cancellationToken);
        var answer = await PostAsync("Verifications", [new("To", start.To.Address), new("Channel", TwilioAnswers.ChannelName(start.Channel))], start.Channel, cancellationToken);
        var now = time.UtcNowInMicroseconds();
        var sid = answer.Sid;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Bookkeeping for one destination takes turns, so of two owners racing past the check above only the first keeps the SID.
        await db.TakeDestinationTurnAsync(start.To.Hash, now, cancellationToken);
        await RefuseOtherOwnersPendingAsync(start, now, cancellationToken);
        // Twilio answers a resend with the pending verification's SID; a new SID replaces the old one.
        await db.CodeVerifications.OwnedBy(start.Owner)
            .Where(v => v.DestinationHash == start.To.Hash && v.Status == VerificationStatus.Pending && v.Sid != sid)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VerificationStatus.Canceled).SetProperty(v => v.UpdatedAt, now), cancellationToken);
        var kept = await db.CodeVerifications.OwnedBy(start.Owner)
            .Where(v => v.DestinationHash == start.To.Hash && v.Status == VerificationStatus.Pending && v.Sid == sid).FirstOrDefaultAsync(cancellationToken);
        if (kept is null)
        {
            db.CodeVerifications.Add(kept = CodeVerification.Pending(start, sid, now));
        }
        kept.Channel = start.Channel;
        kept.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return answer;
    }

    public async Task<VerificationAnswer> CheckAsync(VerificationAttempt attempt, CancellationToken cancellationToken)
    {
        var now = time.UtcNowInMicroseconds();
        var verification = await db.CodeVerifications.OwnedBy(attempt.Owner).AsNoTracking()
            .Where(v => v.DestinationHash == attempt.To.Hash && v.Status == VerificationStatus.Pending && v.ExpiresAt > now)
            .OrderByDescending(v => v.CreatedAt).FirstOrDefaultAsync(cancellationToken) ?? throw TwilioErrors.NotFound();
        VerificationAnswer answer;
        try
        {
            answer = await PostAsync("VerificationCheck", [new("VerificationSid", verification.Sid), new("Code", attempt.Code)], verification.Channel, cancellationToken);
        }
        catch (ApiException finished) when (finished.Code == TwilioErrors.VerificationNotFound)
        {
            await SettleAsync(verification.Id, VerificationStatus.Expired, now, cancellationToken);
            throw;
        }
        if (answer.Status is VerificationStatus.Pending or VerificationStatus.Approved)
        {
            await SettleAsync(verification.Id, answer.Status, now, cancellationToken);
            return answer;
        }
        // canceled, expired, max_attempts_reached, ...: finished for Twilio, so for us.
        await SettleAsync(verification.Id, VerificationStatus.Canceled, now, cancellationToken);
        throw TwilioErrors.NotFound();
    }

    /// <summary>
    /// Twilio keeps one pending verification per `To` on the service, whoever asked for it: a second
    /// owner's send would get the first owner's SID, code and checks. While another owner's
    /// verification to the destination is pending, a send is refused (409) until it is finished or expires.
    /// </summary>
    private async Task RefuseOtherOwnersPendingAsync(VerificationStart start, DateTime now, CancellationToken cancellationToken)
    {
        var otherExpiresAt = await db.CodeVerifications.NotOwnedBy(start.Owner)
            .Where(v => v.DestinationHash == start.To.Hash && v.Status == VerificationStatus.Pending && v.ExpiresAt > now)
            .OrderByDescending(v => v.ExpiresAt).Select(v => (DateTime?)v.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
        if (otherExpiresAt is { } expiresAt)
        {
            throw TwilioErrors.DestinationBusy(expiresAt - now);
        }
    }

    /// <summary>Writes what Twilio answered only while the row is still pending: a status another check settled first is never overwritten.</summary>
    private Task<int> SettleAsync(Guid id, string status, DateTime now, CancellationToken cancellationToken) =>
        db.CodeVerifications.Where(v => v.Id == id && v.Status == VerificationStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, status).SetProperty(v => v.UpdatedAt, now), cancellationToken);

    private async Task<VerificationAnswer> PostAsync(string resource, KeyValuePair<string, string>[] form, CodeChannel channel, CancellationToken cancellationToken)
    {
        var settings = options.Value.Live;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, $"v2/Services/{Uri.EscapeDataString(settings.ServiceSid!)}/{resource}"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await ProviderHttp.SendAsync(clients.CreateClient(HttpClientName), request, Name, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Refusal(response, body);
        }
        return TwilioAnswers.Verification(body, channel) ?? throw new ProviderFailedException(Name, "answered with a body that is not a verification");
    }

    /// <summary>Twilio's refusals we pass on as ours; anything else is a failure of the provider.</summary>
    private Exception Refusal(HttpResponseMessage response, string body)
    {
        var retryAfter = response.Headers.RetryAfter?.Delta;
        return (response.StatusCode, TwilioAnswers.ErrorCode(body)) switch
        {
            (HttpStatusCode.TooManyRequests, TwilioErrors.MaxCheckAttemptsCode) => TwilioErrors.CheckAttemptsReached(retryAfter),
            (HttpStatusCode.TooManyRequests, TwilioErrors.MaxSendAttemptsCode) => TwilioErrors.SendAttemptsReached(retryAfter),
            (HttpStatusCode.NotFound, TwilioErrors.NotFoundCode) => TwilioErrors.NotFound(),
            _ => ProviderHttp.Unexpected(Name, response.StatusCode),
        };
    }
}
