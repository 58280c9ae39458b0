namespace Raytio.Clarity.Models;

/// <summary>A model's properties do not follow the Clarity model format; <see cref="Field"/> names the property.</summary>
public sealed class ClarityModelFormatException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
