namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>
/// A source's register answering from <see cref="SandboxIdentities"/>: deterministic verdicts for
/// tests and evaluation, marked `environment: sandbox` in every answer.
/// </summary>
public sealed class SandboxDocumentRegister(string source) : IDocumentRegister
{
    public const string VerifierName = "Raytio sandbox register";

    public string Source => source;

    public Task<RegisterAnswer> CheckAsync(RegisterQuery query, CancellationToken cancellationToken)
    {
        if (query.Source != source)
        {
            throw new ArgumentException($"This register answers for {source}, not {query.Source}.", nameof(query));
        }
        var held = RegisterFields.HeldBy(source);
        var number = query.Fields.TryGetValue(held[0], out var given) && !string.IsNullOrWhiteSpace(given)
            ? RegisterValues.Number(given)
            : throw new ArgumentException($"A {source} query needs '{held[0]}'.", nameof(query));
        if (number == SandboxIdentities.UnavailableNumber)
        {
            throw new RegisterUnavailableException($"The sandbox {source} register does not answer for the test number {SandboxIdentities.UnavailableNumber}.");
        }

        var identity = SandboxIdentities.Find(source, number);
        var consistent = query.Fields
            .Where(field => held.Contains(field.Key))
            .ToDictionary(
                field => field.Key,
                field => identity is not null && identity.Held.TryGetValue(field.Key, out var value) && RegisterValues.Same(field.Key, field.Value, value));
        return Task.FromResult(new RegisterAnswer(
            VerifierName, Guid.NewGuid().ToString(), identity?.Status ?? RecordStatus.NotFound, consistent,
            new Dictionary<string, string> { ["environment"] = "sandbox" }));
    }
}
