namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>
/// A register's verdict: who answered (<see cref="Verifier"/>) under which reference of theirs,
/// the status of the document found, and for each queried field the register holds whether the
/// value is consistent with its record (a document not found makes every one inconsistent), as
/// the government registers answer through intermediaries: consistent or not, never their data.
/// </summary>
public sealed record RegisterAnswer(
    string Verifier, string Reference, RecordStatus Status, IReadOnlyDictionary<string, bool> Consistent, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>The field was checked, is consistent, and the document is current.</summary>
    public bool Confirms(string field) => Status == RecordStatus.Current && Consistent.TryGetValue(field, out var consistent) && consistent;
}
