namespace Raytio.Server.Features.Scopes;

/// <summary>A scope as operations 86-88 answer and take it.</summary>
public sealed record ScopeAnswer(string ScopeName, string ScopeDescription);

/// <summary>A resource server with its scopes (operations 86, 87; each item of 88).</summary>
public sealed record ResourceServerAnswer(IReadOnlyList<ScopeAnswer> Scopes, string ResourceServerName, string ResourceServerId);

/// <summary>Operation 88.</summary>
public sealed record ResourceServersAnswer(IReadOnlyList<ResourceServerAnswer> Servers);

/// <summary>The body of operation 87.</summary>
public sealed record ResourceServerBody(IReadOnlyList<ScopeBody?>? Scopes, string? ResourceServerName, string? ResourceServerId);

public sealed record ScopeBody(string? ScopeName, string? ScopeDescription);
