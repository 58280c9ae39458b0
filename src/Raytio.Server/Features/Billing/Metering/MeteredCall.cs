namespace Raytio.Server.Features.Billing.Metering;

/// <summary>
/// The one metering wrapper of the metered operations (docs/BILLING.md, "The call"): charge the
/// check, run the work, and give the charge back when the work fails in the way the caller names
/// (its provider could not answer); every other outcome keeps the charge (a completed check,
/// "not found" included). Membership of the organisation is the caller's to check first: this
/// only meters.
/// </summary>
public sealed class MeteredCall(CreditMeter meter)
{
    /// <summary>
    /// Charges <paramref name="check"/> to <paramref name="organization"/> (402 `insufficient_credit`
    /// before any work; not metered when null), runs <paramref name="work"/> with the charge, and when
    /// it throws <typeparamref name="TFailure"/> refunds the charge and throws what
    /// <paramref name="failed"/> makes of the failure and whether a charge was refunded.
    /// </summary>
    public Task<T> RunAsync<T, TFailure>(
        Guid? organization, string check, string reference,
        Func<MeterCharge, CancellationToken, Task<T>> work,
        Func<TFailure, bool, Task<Exception>> failed,
        CancellationToken cancellationToken)
        where TFailure : Exception =>
        RunAsync(organization, check, reference, work, failure => failure is TFailure, (failure, refunded) => failed((TFailure)failure, refunded), cancellationToken);

    /// <summary>
    /// As above for work that fails in more than one way: every exception <paramref name="refundsOn"/>
    /// accepts refunds the charge and is replaced by what <paramref name="failed"/> makes of it.
    /// </summary>
    public async Task<T> RunAsync<T>(
        Guid? organization, string check, string reference,
        Func<MeterCharge, CancellationToken, Task<T>> work,
        Func<Exception, bool> refundsOn,
        Func<Exception, bool, Task<Exception>> failed,
        CancellationToken cancellationToken)
    {
        var charge = await meter.ChargeAsync(organization, check, reference, cancellationToken);
        try
        {
            return await work(charge, cancellationToken);
        }
        catch (Exception failure) when (refundsOn(failure))
        {
            // The refund must happen even when the caller has gone away.
            var refunded = charge.Id is { } id && await meter.RefundAsync(id, CancellationToken.None);
            throw await failed(failure, refunded);
        }
    }

    /// <summary><see cref="RunAsync{T, TFailure}(Guid?, string, string, Func{MeterCharge, CancellationToken, Task{T}}, Func{TFailure, bool, Task{Exception}}, CancellationToken)"/> with a failure mapped without waiting.</summary>
    public Task<T> RunAsync<T, TFailure>(
        Guid? organization, string check, string reference,
        Func<CancellationToken, Task<T>> work,
        Func<TFailure, Exception> failed,
        CancellationToken cancellationToken)
        where TFailure : Exception =>
        RunAsync<T, TFailure>(organization, check, reference, (_, ct) => work(ct), (failure, _) => Task.FromResult(failed(failure)), cancellationToken);
}
