namespace Raytio.Signing;

/// <summary>The input cannot be canonicalized under RFC 8785 (invalid JSON, or JSON that has no canonical form).</summary>
public sealed class CanonicalizationException : Exception
{
    public CanonicalizationException(string message)
        : base(message)
    {
    }

    public CanonicalizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
