namespace Raytio.Clarity.Extraction;

/// <summary>The image does not show the model's anchors (or its refiner), so no field can be placed.</summary>
public sealed class AnchorsNotFoundException(string message) : Exception(message);
