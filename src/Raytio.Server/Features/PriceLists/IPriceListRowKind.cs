using Raytio.Server.Data;

namespace Raytio.Server.Features.PriceLists;

/// <summary>A row of a bulk insert that passed its own checks, with its index in the request and its organisation.</summary>
public sealed record AcceptedRow<TRow>(int Index, Guid OrganizationId, TRow Row);

/// <summary>
/// One kind of price-list row (product, price, customer price list): how a row is read and keyed,
/// and how accepted rows are checked against what is stored and written.
/// </summary>
public interface IPriceListRowKind<TRow>
{
    /// <summary>The audit event of an insert.</summary>
    string AuditEvent { get; }

    /// <summary>The field named when a row repeats an earlier row's key.</summary>
    string KeyField { get; }

    /// <summary>Reads and checks one row; throws <see cref="RowRejected"/>.</summary>
    TRow Read(PriceListRow row);

    /// <summary>What makes a row unique in its organisation (a later row with the same key replaces nothing: it is rejected).</summary>
    object KeyOf(Guid organizationId, TRow row);

    /// <summary>
    /// Checks the rows against stored data, adds or replaces those that pass (not saved yet) and
    /// calls <paramref name="reject"/> for each that does not.
    /// </summary>
    Task StoreAsync(RaytioDbContext db, IReadOnlyList<AcceptedRow<TRow>> rows, DateTime now, Action<int, RowRejected> reject, CancellationToken cancellationToken);
}
