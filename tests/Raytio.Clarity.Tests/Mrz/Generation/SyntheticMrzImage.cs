using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Mrz.Generation;

/// <summary>A generated document image with the zone it carries; <see cref="Description"/> names the degradations applied.</summary>
public sealed record SyntheticMrzImage(MrzFormat Format, MrzFields Fields, IReadOnlyList<string> Lines, byte[] Data, string Description);
