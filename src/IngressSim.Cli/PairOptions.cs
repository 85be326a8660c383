using System.CommandLine;
using System.CommandLine.Parsing;
using IngressSim.Routing;

namespace IngressSim.Cli;

/// <summary>
/// Repeatable options whose values are <c>NAME&lt;separator&gt;VALUE</c> pairs: request headers and cookies
/// (<c>route</c>), scenario parameters (<c>validate</c>, <c>run</c>). Malformed values are parse errors, so
/// they are reported like any other usage error (exit 2) before a command runs.
/// </summary>
public static class PairOptions
{
    /// <summary><c>--header 'Name: value'</c>, as curl's <c>-H</c> takes it.</summary>
    public static Option<HttpField[]> Headers() => new("--header", "-H")
    {
        Description = "a request header 'Name: value'; repeat for several",
        HelpName = "'NAME: VALUE'",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result => Parse(result, ':', "'Name: value', e.g. --header 'X-Canary: always'", IsToken)
            .Select(p => new HttpField(p.Name, p.Value)).ToArray(),
    };

    /// <summary><c>--cookie 'name=value'</c>; several in one value separated by <c>;</c>, as a Cookie header lists them.</summary>
    public static Option<HttpField[]> Cookies() => new("--cookie")
    {
        Description = "a request cookie 'name=value' (or several as in a Cookie header: 'a=1; b=2'); repeat for several",
        HelpName = "'NAME=VALUE'",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result => Parse(result, '=', "'name=value', e.g. --cookie 'canary=always'", IsToken, splitOn: ';')
            .Select(p => new HttpField(p.Name, p.Value)).ToArray(),
    };

    /// <summary><c>--param name=value</c>, overriding a scenario parameter; the last value given for a name wins.</summary>
    public static Option<IReadOnlyDictionary<string, string>> Parameters() => new("--param")
    {
        Description = "override a scenario parameter: name=value; repeat for several",
        HelpName = "NAME=VALUE",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result =>
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in Parse(result, '=', "name=value, e.g. --param duration=10m", name => name.Length > 0 && !name.Any(char.IsWhiteSpace)))
                parameters[name] = value;
            return parameters;
        },
    };

    private static List<(string Name, string Value)> Parse(ArgumentResult result, char separator, string expected,
        Func<string, bool> isValidName, char? splitOn = null)
    {
        string option = ((OptionResult)result.Parent!).Option.Name;
        var pairs = new List<(string, string)>();
        foreach (var token in result.Tokens)
        {
            var items = splitOn is char split ? token.Value.Split(split, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [token.Value];
            foreach (var item in items.DefaultIfEmpty(""))
            {
                int at = item.IndexOf(separator);
                string name = at < 0 ? "" : item[..at].Trim();
                if (at < 0 || !isValidName(name))
                {
                    result.AddError($"{option} '{token.Value}': expected {expected}");
                    return pairs;
                }
                pairs.Add((name, item[(at + 1)..].Trim()));
            }
        }
        return pairs;
    }

    /// <summary>Header names (RFC 9110 §5.1) and cookie names (RFC 6265 §4.1.1) are tokens: visible ASCII except delimiters.</summary>
    private static bool IsToken(string name) => name.Length > 0 && name.All(c => c is > ' ' and < '\x7f' && !"\"(),/:;<=>?@[\\]{}".Contains(c));
}
