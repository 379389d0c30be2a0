# One image recipe for every runnable module: docker build --build-arg MODULE=referral-service .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -ntp -pl "${MODULE}" -am -DskipTests package \
    && cp "${MODULE}"/target/"${MODULE}"-*-exec.jar /app.jar

FROM eclipse-temurin:25-jre
# curl for the health checks in docker-compose.yml.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app platform
COPY --from=build /app.jar /app/app.jar
USER platform
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
