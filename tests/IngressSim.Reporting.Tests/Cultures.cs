using System.Globalization;

namespace IngressSim.Reporting.Tests;

internal static class Cultures
{
    /// <summary>Runs <paramref name="action"/> with the given current culture, checking it really formats as that culture.</summary>
    public static T With<T>(string name, Func<T> action)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(name);
            // Guard: under invariant globalization every culture formats like the invariant one and the test would prove nothing.
            if (name == "de-DE") Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
