namespace IngressSim.Scenarios.Binding;

/// <summary>
/// The sane range of a scalar property, written in the property's own units (<c>[Limits("1ms", "10m")]</c>)
/// and parsed with the same parser as the scenario value. Without it the unit's default range applies
/// (<see cref="ScalarKinds"/>), so no field accepts negative or absurd values by accident.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LimitsAttribute(string min, string max) : Attribute
{
    public string Min { get; } = min;
    public string Max { get; } = max;
}

/// <summary>
/// The record is a choice: exactly one of its optional properties must be written (e.g.
/// <c>{exponential: {...}}</c> or <c>{lognormal: {...}}</c>); required properties are shared by all choices.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OneOfAttribute : Attribute;
