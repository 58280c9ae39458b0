namespace Raytio.Server.Providers.Twilio;

/// <summary>
/// Makes, sends and checks one-time codes (operations 110 and 111): <see cref="Local.LocalOneTimeCodeEngine"/>
/// by default, <see cref="Live.TwilioVerifyEngine"/> when Raytio:Twilio:Engine is Live. Refusals are
/// <see cref="Hosting.ApiException"/>s from <see cref="TwilioErrors"/>; an engine that cannot reach its
/// provider throws <see cref="Outside.ProviderFailedException"/>.
/// </summary>
public interface IOneTimeCodeEngine
{
    /// <summary>The engine's name in audit records and 502 answers.</summary>
    string Name { get; }

    /// <summary>Digits in this engine's codes: a code given as a JSON number has lost its leading zeros and is padded back to this length.</summary>
    int CodeLength { get; }

    /// <summary>Sends a code: a new verification, or a new code for the owner's pending one to the same destination.</summary>
    Task<VerificationAnswer> StartAsync(VerificationStart start, CancellationToken cancellationToken);

    /// <summary>Checks a code against the owner's pending verification to the destination.</summary>
    Task<VerificationAnswer> CheckAsync(VerificationAttempt attempt, CancellationToken cancellationToken);
}
