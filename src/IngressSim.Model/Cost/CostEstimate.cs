namespace IngressSim.Model.Cost;

/// <summary>One line of the monthly bill: e.g. 3 load balancers at $16.43 a month each.</summary>
public sealed record CostItem(string Name, double Quantity, double UnitMonthly, double Monthly, string Note);

/// <summary>The design's monthly cost from the scenario's prices (summary.json <c>cost</c>).</summary>
public sealed record CostEstimate(string Currency, double MonthlyTotal, IReadOnlyList<CostItem> Items);
