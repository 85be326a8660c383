namespace IngressSim.Routing;

/// <summary>A request header or cookie: name and value as sent.</summary>
public readonly record struct HttpField(string Name, string Value);
