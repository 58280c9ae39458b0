namespace Raytio.JsonCsv.JsonToCsvCore;

internal sealed record Column(KeyPath Key, string Title);
