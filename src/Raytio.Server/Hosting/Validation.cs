namespace Raytio.Server.Hosting;

/// <summary>Collects field errors of a request and throws them together as one 400.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public Validation Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
        }
        return this;
    }

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public bool HasErrors => _errors.Count > 0;

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw ApiException.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
