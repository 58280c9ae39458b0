namespace Raytio.Signing;

/// <summary>The outcome of verifying a signature: valid or not, and the id of the key that verified it.</summary>
public sealed record SignatureCheck(bool IsValid, string? Kid)
{
    public static SignatureCheck Invalid { get; } = new(false, null);

    public static SignatureCheck ValidBy(string kid) => new(true, kid);
}
