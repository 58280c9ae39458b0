namespace Raytio.Server.Providers.Centrix;

/// <summary>
/// The credit bureau: the Sandbox (test subjects and the NZBN Sandbox's companies) or the Live
/// Centrix adapter, chosen by Raytio:Centrix:Provider. A failure to answer is a
/// <see cref="Outside.ProviderFailedException"/>. Requests arrive validated (reason and consent present).
/// </summary>
public interface ICentrixBureau
{
    string Name { get; }

    /// <summary>The subject's report; a subject the bureau does not know is still an answer (IsSuccess, a NOMATCH status message, no data).</summary>
    Task<ConsumerCreditReport> ConsumerReportAsync(ConsumerReportRequest request, CancellationToken cancellationToken);

    /// <summary>The company's report, or null when the bureau has no company of that number.</summary>
    Task<CommercialCreditReport?> CommercialReportAsync(CommercialReportRequest request, CancellationToken cancellationToken);
}
