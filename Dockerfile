# The ingress-sim CLI as a container image: what the Kubernetes Jobs of a sweep run (README, "Running a
# sweep on a Kubernetes cluster"). Build from the repository root:
#   docker build -t REGISTRY/ingress-sim:0.1.0 .
# The bundled scenarios/ (and scenarios/sweeps/) ship next to the executable in /app, the working folder,
# so `sweep scenarios/sweeps/smoke.yaml` resolves inside the image; put your own sweeps there too.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/IngressSim.Cli/IngressSim.Cli.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
# The image's non-root user (uid 1654); the Jobs set fsGroup 1654 so it can write to the results volume.
USER $APP_UID
ENTRYPOINT ["dotnet", "/app/ingress-sim.dll"]
