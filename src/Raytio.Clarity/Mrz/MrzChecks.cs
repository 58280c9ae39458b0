namespace Raytio.Clarity.Mrz;

/// <summary>
/// The verdict of each check digit. <see cref="Composite"/> is null on visas, which have none;
/// <see cref="OptionalData"/> is TD3's personal-number check (true on other formats, which have none).
/// </summary>
public sealed record MrzChecks(bool DocumentNumber, bool DateOfBirth, bool ExpiryDate, bool? Composite, bool OptionalData = true)
{
    public bool All => DocumentNumber && DateOfBirth && ExpiryDate && Composite != false && OptionalData;

    public int Passed => Count(DocumentNumber) + Count(DateOfBirth) + Count(ExpiryDate) + Count(Composite == true) + Count(OptionalData);

    private static int Count(bool passed) => passed ? 1 : 0;
}
