namespace Raytio.Server.Providers.DocumentRegisters;

/// <summary>
/// A document's details to check with its register: <see cref="RegisterFields"/> names to values as
/// printed (dates as YYYY-MM-DD). Fields the register does not hold are ignored; the document
/// number (<see cref="RegisterFields.HeldBy"/>'s first field) is required.
/// </summary>
public sealed record RegisterQuery(string Source, IReadOnlyDictionary<string, string> Fields);
