# One image recipe for every runnable module: docker build --build-arg MODULE=referral-service .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -ntp -pl "${MODULE}" -am -DskipTests package \
    && cp "${MODULE}"/target/"${MODULE}"-*-exec.jar /application.jar \
    && java -Djarmode=tools -jar /application.jar extract --destination /application

FROM eclipse-temurin:25-jre
# curl for the health checks in docker-compose.yml.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app platform
# Unpacked (the application's jar beside its libraries): the JVM archives the classes a start loads when the
# container first stops and maps them at each start after (class data sharing; kept while the container is).
COPY --from=build --chown=platform /application /app
USER platform
# Native memory the JVM has freed goes back to the system every 30 s (README, Benchmarks).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:TrimNativeHeapInterval=30000", "-XX:SharedArchiveFile=/app/classes.jsa", "-XX:+AutoCreateSharedArchive", \
    "-Xlog:cds=off,cds+dynamic=off", "-jar", "/app/application.jar"]
