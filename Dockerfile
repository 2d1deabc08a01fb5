# Beacon, the Teams bot, as a container: built with the .NET SDK, run on the ASP.NET Core runtime
# as the image's non-root `app` user. The embedded SQLite store lives in the /app/data volume.
#
#   docker build -t beacon .
#   docker run -p 8080:8080 -v beacon-data:/app/data beacon
#
# For Azure Table Storage instead of SQLite, pass -e Storage__Provider=AzureTables and the
# Storage__AzureTables__* settings (docs/deploy.md lists every key).
# Tests/Deployment/DockerfileTests.cs keeps this file consistent with the Bot project.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# The repo's nuget.config names the package sources; -r linux-x64 turns on ReadyToRun (Bot.csproj).
RUN dotnet restore Bot/Bot.csproj --configfile nuget.config -r linux-x64
RUN dotnet publish Bot/Bot.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__Provider=Sqlite \
    Storage__Sqlite__Path=/app/data/beacon.db \
    Content__Path=/app/content
COPY --from=build /app/publish ./
COPY content/ ./content/
# The data folder must belong to the non-root user before it becomes a volume.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
VOLUME ["/app/data"]
EXPOSE 8080
# No HEALTHCHECK: the runtime image has no curl or wget. Probe GET /healthz (liveness) and
# GET /readyz (the store answers) from the orchestrator instead.
ENTRYPOINT ["dotnet", "Beacon.Bot.dll"]
